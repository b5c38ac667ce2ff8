import type { OpenAIChunkHook, TransformerFactory } from "../transformer/transformer.js";
import type { OpenAIChatChunk } from "../types/openai.js";
import { chunkWithDelta, omitDeltaKey, replaceDelta } from "./chunk-parts.js";
import { createThinkTagSplitter, type ThinkSegment } from "./think-tag-splitter.js";

/**
 * For models that write their reasoning into the answer as
 * `<think>...</think>` (MiniMax M2, some Qwen and DeepSeek-R1 servings):
 * the tagged part becomes thinking, the rest stays text, in responses and in
 * streams, tags cut across chunks included.
 */
export const extrathinktagTransformer: TransformerFactory = () => ({
  name: "extrathinktag",
  openaiResponse(body) {
    const choices = body.choices?.map((choice) => {
      const content = choice.message?.content;
      if (!choice.message || typeof content !== "string" || !content.includes("<think>")) return choice;
      const splitter = createThinkTagSplitter();
      const segments = [...splitter.push(content), ...splitter.flush()];
      const reasoning = join(segments, "reasoning");
      const previous = choice.message.reasoning_content;
      return {
        ...choice,
        message: {
          ...choice.message,
          content: join(segments, "content"),
          reasoning_content: previous ? `${previous}${reasoning}` : reasoning,
        },
      };
    });
    return choices ? { ...body, choices } : body;
  },
  openaiChunks: () => thinkTagChunks(),
});

function thinkTagChunks(): OpenAIChunkHook {
  const splitter = createThinkTagSplitter();
  let last: OpenAIChatChunk | undefined;
  const hook: OpenAIChunkHook = (chunk) => {
    last = chunk;
    const choice = chunk.choices?.[0];
    if (!choice) return chunk;
    const delta = choice.delta ?? {};
    const content = typeof delta.content === "string" ? delta.content : "";
    if (!choice.finish_reason && splitter.passesThrough(content)) return chunk;
    const segments = content === "" ? [] : splitter.push(content);
    if (choice.finish_reason) segments.push(...splitter.flush());
    if (content === "" && segments.length === 0) return chunk;
    const out: OpenAIChatChunk[] = segments.map((segment) =>
      chunkWithDelta(
        chunk,
        segment.kind === "reasoning" ? { reasoning_content: segment.text } : { content: segment.text },
      ),
    );
    const rest = omitDeltaKey(delta, "content");
    if (Object.keys(rest).length > 0 || choice.finish_reason || chunk.usage)
      out.push(replaceDelta(chunk, rest));
    return out;
  };
  // The end of a reply that stopped on what looked like the start of a tag ("<") without a finish_reason.
  hook.flush = () => {
    const segments = splitter.flush();
    if (last === undefined || segments.length === 0) return null;
    const template = last;
    return segments.map((segment) =>
      chunkWithDelta(
        template,
        segment.kind === "reasoning" ? { reasoning_content: segment.text } : { content: segment.text },
      ),
    );
  };
  return hook;
}

function join(segments: ThinkSegment[], kind: ThinkSegment["kind"]): string {
  return segments
    .filter((segment) => segment.kind === kind)
    .map((segment) => segment.text)
    .join("");
}
