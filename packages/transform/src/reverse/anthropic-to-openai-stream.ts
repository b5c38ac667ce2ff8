import { streamEndedError } from "../errors/stream-ended-error.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { upstreamAnthropicError } from "../passthrough/upstream-anthropic-error.js";
import { createSseParser } from "../sse/create-sse-parser.js";
import { encodeSseEvent } from "../sse/encode-sse-event.js";
import type { SseEvent } from "../sse/sse-event.js";
import { terminateQuietly } from "../stream/web-streams.js";
import type { AnthropicStreamEvent, AnthropicUsage } from "../types/anthropic.js";
import type { OpenAIChatChunk, OpenAIChunkDelta, OpenAIFinishReason } from "../types/openai.js";
import { anthropicUsageToOpenAI } from "./anthropic-usage-to-openai.js";
import { mapStopReason } from "./map-stop-reason.js";
import type { ReverseResponseOptions } from "./reverse-response-options.js";

export interface ReverseStreamOptions extends ReverseResponseOptions {
  /** Send the usage-only chunk before `[DONE]` (OpenAI's `stream_options.include_usage`). Default true. */
  includeUsage?: boolean;
}

const encoder = new TextEncoder();
const DONE = encoder.encode("data: [DONE]\n\n");

/**
 * Anthropic Messages SSE bytes → OpenAI chat completion chunk SSE bytes,
 * one event at a time: a role chunk on message_start, content / tool call /
 * reasoning deltas as they come (tool calls indexed in order of appearance),
 * the finish_reason on message_delta, then the usage-only chunk and
 * `data: [DONE]` on message_stop.
 *
 * An error as the first event, or a stream that ends before any, errors the
 * output with UpstreamResponseError; later errors become an OpenAI-style
 * `data: {"error": ...}` frame and the stream ends without `[DONE]`, as
 * does a stream cut before message_stop.
 */
export function anthropicToOpenAIStream(
  options: ReverseStreamOptions = {},
): TransformStream<Uint8Array, Uint8Array> {
  let controller!: TransformStreamDefaultController<Uint8Array>;
  let parser!: ReturnType<typeof createSseParser>;
  let id = "";
  let model = options.model ?? "";
  const created = options.created ?? Math.floor(Date.now() / 1000);
  let usage: Partial<AnthropicUsage> = {};
  const toolIndexByBlock = new Map<number, number>();
  let started = false;
  let closed = false;

  const send = (delta: OpenAIChunkDelta, finishReason: OpenAIFinishReason | null = null) => {
    const chunk: OpenAIChatChunk = {
      id,
      object: "chat.completion.chunk",
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finishReason }],
    };
    controller.enqueue(encodeSseEvent(undefined, JSON.stringify(chunk)));
  };

  const fail = (error: UpstreamResponseError) => {
    if (closed) return;
    closed = true;
    if (!started) return controller.error(error);
    const body = { error: { message: error.message, type: error.errorType, code: error.status } };
    controller.enqueue(encodeSseEvent(undefined, JSON.stringify(body)));
    terminateQuietly(controller);
  };

  const onEvent = (event: SseEvent) => {
    if (closed) return;
    let data: AnthropicStreamEvent;
    try {
      data = JSON.parse(event.data) as AnthropicStreamEvent;
    } catch {
      return;
    }
    switch (data.type) {
      case "message_start":
        started = true;
        id = data.message.id;
        if (options.model === undefined) model = data.message.model;
        usage = { ...data.message.usage };
        send({ role: "assistant", content: "" });
        return;
      case "content_block_start": {
        const block = data.content_block;
        if (block.type === "tool_use") {
          const index = toolIndexByBlock.size;
          toolIndexByBlock.set(data.index, index);
          send({
            tool_calls: [
              { index, id: block.id, type: "function", function: { name: block.name, arguments: "" } },
            ],
          });
        } else if (block.type === "text" && block.text !== "") send({ content: block.text });
        else if (block.type === "thinking" && block.thinking !== "")
          send({ reasoning_content: block.thinking });
        return;
      }
      case "content_block_delta": {
        const delta = data.delta;
        if (delta.type === "text_delta") send({ content: delta.text });
        else if (delta.type === "thinking_delta") send({ reasoning_content: delta.thinking });
        else if (delta.type === "input_json_delta") {
          const index = toolIndexByBlock.get(data.index);
          if (index !== undefined && delta.partial_json !== "") {
            send({ tool_calls: [{ index, function: { arguments: delta.partial_json } }] });
          }
        }
        return;
      }
      case "message_delta":
        usage = { ...usage, ...withoutNulls(data.usage) };
        send({}, mapStopReason(data.delta.stop_reason));
        return;
      case "message_stop":
        if (options.includeUsage !== false) {
          const chunk: OpenAIChatChunk = {
            id,
            object: "chat.completion.chunk",
            created,
            model,
            choices: [],
            usage: anthropicUsageToOpenAI(usage),
          };
          controller.enqueue(encodeSseEvent(undefined, JSON.stringify(chunk)));
        }
        controller.enqueue(DONE);
        closed = true;
        terminateQuietly(controller);
        return;
      case "error":
        fail(upstreamAnthropicError(data));
        return;
      default:
        return;
    }
  };

  return new TransformStream<Uint8Array, Uint8Array>({
    start(c) {
      controller = c;
      parser = createSseParser(onEvent);
    },
    transform(bytes) {
      if (closed) return;
      try {
        parser.feed(bytes);
      } catch (error) {
        if (UpstreamResponseError.isInstance(error)) fail(error);
        else throw error;
      }
    },
    flush() {
      if (closed) return;
      parser.end();
      fail(streamEndedError(started));
    },
  });
}

function withoutNulls(usage: Partial<AnthropicUsage>): Partial<AnthropicUsage> {
  const out: Partial<AnthropicUsage> = {};
  for (const [key, value] of Object.entries(usage))
    if (value !== null && value !== undefined) Object.assign(out, { [key]: value });
  return out;
}
