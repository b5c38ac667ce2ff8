import { toolArgumentsText } from "../tool-arguments-text.js";
import type { OpenAIChunkHook, TransformerFactory } from "../transformer/transformer.js";
import type { OpenAIChatChunk, OpenAIToolCallDelta } from "../types/openai.js";
import { chunkWithDelta, omitDeltaKey, replaceDelta } from "./chunk-parts.js";
import { repairToolArguments } from "./repair-tool-arguments.js";
import { createToolCallIndexer } from "./tool-call-indexer.js";

/**
 * Repairs malformed tool-call JSON arguments (see `repairToolArguments`).
 * In a stream, each tool call is held until the end of the turn and then
 * sent whole with repaired arguments, so tool calls are no longer streamed
 * piece by piece (text and thinking still are).
 */
export const enhancetoolTransformer: TransformerFactory = () => ({
  name: "enhancetool",
  openaiResponse(body) {
    const choices = body.choices?.map((choice) => {
      const calls = choice.message?.tool_calls;
      if (!choice.message || !calls?.length) return choice;
      const repaired = calls.map((call) => ({
        ...call,
        function: {
          ...call.function,
          arguments: repairToolArguments(toolArgumentsText(call.function.arguments)),
        },
      }));
      return { ...choice, message: { ...choice.message, tool_calls: repaired } };
    });
    return choices ? { ...body, choices } : body;
  },
  openaiChunks: () => bufferedToolCalls(),
});

type PendingCall = { id?: string; name?: string; arguments: string };

function bufferedToolCalls(): OpenAIChunkHook {
  const pending = new Map<number, PendingCall>();
  const indexOf = createToolCallIndexer();
  /** The last chunk seen, as the template for calls released by `flush`. */
  let last: OpenAIChatChunk | undefined;
  const flush = (template: OpenAIChatChunk): OpenAIChatChunk[] => {
    if (pending.size === 0) return [];
    const calls: OpenAIToolCallDelta[] = [...pending.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => ({
        index,
        ...(call.id !== undefined ? { id: call.id } : {}),
        type: "function" as const,
        function: { name: call.name ?? "", arguments: repairToolArguments(call.arguments) },
      }));
    pending.clear();
    return [chunkWithDelta(template, { tool_calls: calls })];
  };

  const hook: OpenAIChunkHook = (chunk) => {
    last = chunk;
    const choice = chunk.choices?.[0];
    // The usage-only chunk some upstreams send after the finish: nothing may stay held past it.
    if (!choice) return pending.size > 0 ? [...flush(chunk), chunk] : chunk;
    let delta = choice.delta ?? {};
    if (delta.tool_calls?.length) {
      for (const call of delta.tool_calls) {
        const index = indexOf(call);
        const entry = pending.get(index) ?? { arguments: "" };
        if (call.id) entry.id = call.id;
        // Some upstreams repeat the full name in every piece: keep it, never concatenate.
        if (call.function?.name) entry.name = call.function.name;
        entry.arguments += toolArgumentsText(call.function?.arguments);
        pending.set(index, entry);
      }
      delta = omitDeltaKey(delta, "tool_calls");
    }
    if (!choice.finish_reason) return replaceDelta(chunk, delta);
    // Text of the last chunk first, then the held calls, then the finish (with any usage).
    const out: OpenAIChatChunk[] = [];
    if (delta.content || delta.reasoning_content || delta.reasoning) out.push(chunkWithDelta(chunk, delta));
    out.push(...flush(chunk));
    out.push(replaceDelta(chunk, {}));
    return out;
  };
  // An upstream that ends with only [DONE] (no finish_reason, no usage chunk) still gets its calls.
  hook.flush = () => (last === undefined ? null : flush(last));
  return hook;
}
