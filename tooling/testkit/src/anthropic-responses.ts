import type { Behaviour, SseFrame } from "./behaviour.js";

/** Builders for Anthropic Messages answers: what a fake Anthropic-compatible provider says. */

interface Usage {
  input_tokens: number;
  output_tokens: number;
}

const defaultUsage: Usage = { input_tokens: 12, output_tokens: 5 };

export interface AnthropicAnswerOptions {
  model?: string;
  usage?: Usage;
  delayMs?: number;
}

function message(content: unknown[], stopReason: string, options: AnthropicAnswerOptions) {
  return {
    id: "msg_fake",
    type: "message",
    role: "assistant",
    model: options.model ?? "fake-claude",
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: options.usage ?? defaultUsage,
  };
}

export function anthropicText(text: string, options: AnthropicAnswerOptions = {}): Behaviour {
  return {
    kind: "json",
    delayMs: options.delayMs,
    body: message([{ type: "text", text }], "end_turn", options),
  };
}

export function anthropicToolUse(
  call: { id?: string; name: string; input: Record<string, unknown> },
  options: AnthropicAnswerOptions = {},
): Behaviour {
  return {
    kind: "json",
    delayMs: options.delayMs,
    body: message(
      [{ type: "tool_use", id: call.id ?? "toolu_fake_1", name: call.name, input: call.input }],
      "tool_use",
      options,
    ),
  };
}

/** The events of a streamed text answer, as the Messages API sends them. */
export function anthropicTextFrames(pieces: string[], options: AnthropicAnswerOptions = {}): SseFrame[] {
  const usage = options.usage ?? defaultUsage;
  const start = message([], "end_turn", options);
  return [
    {
      event: "message_start",
      data: {
        type: "message_start",
        message: { ...start, stop_reason: null, usage: { ...usage, output_tokens: 1 } },
      },
    },
    {
      event: "content_block_start",
      data: { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    },
    ...pieces.map((text) => ({
      event: "content_block_delta",
      data: { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } },
    })),
    { event: "content_block_stop", data: { type: "content_block_stop", index: 0 } },
    {
      event: "message_delta",
      data: {
        type: "message_delta",
        delta: { stop_reason: "end_turn", stop_sequence: null },
        usage: { output_tokens: usage.output_tokens },
      },
    },
    { event: "message_stop", data: { type: "message_stop" } },
  ];
}

export interface AnthropicStreamOptions extends AnthropicAnswerOptions {
  intervalMs?: number;
  after?: "end" | "break" | "hang";
}

export function anthropicTextStream(pieces: string[], options: AnthropicStreamOptions = {}): Behaviour {
  return {
    kind: "sse",
    delayMs: options.delayMs,
    intervalMs: options.intervalMs,
    after: options.after,
    frames: anthropicTextFrames(pieces, options),
  };
}

/** A streamed tool call: the tool_use block with its input in two `input_json_delta` pieces, stop_reason tool_use. */
export function anthropicToolUseStream(
  call: { id?: string; name: string; input: Record<string, unknown> },
  options: AnthropicStreamOptions = {},
): Behaviour {
  const usage = options.usage ?? defaultUsage;
  const start = message([], "tool_use", options);
  const json = JSON.stringify(call.input);
  const half = Math.ceil(json.length / 2);
  const delta = (partial_json: string) => ({
    event: "content_block_delta",
    data: { type: "content_block_delta", index: 0, delta: { type: "input_json_delta", partial_json } },
  });
  return {
    kind: "sse",
    delayMs: options.delayMs,
    intervalMs: options.intervalMs,
    after: options.after,
    frames: [
      {
        event: "message_start",
        data: {
          type: "message_start",
          message: { ...start, stop_reason: null, usage: { ...usage, output_tokens: 1 } },
        },
      },
      {
        event: "content_block_start",
        data: {
          type: "content_block_start",
          index: 0,
          content_block: { type: "tool_use", id: call.id ?? "toolu_fake_1", name: call.name, input: {} },
        },
      },
      delta(json.slice(0, half)),
      delta(json.slice(half)),
      { event: "content_block_stop", data: { type: "content_block_stop", index: 0 } },
      {
        event: "message_delta",
        data: {
          type: "message_delta",
          delta: { stop_reason: "tool_use", stop_sequence: null },
          usage: { output_tokens: usage.output_tokens },
        },
      },
      { event: "message_stop", data: { type: "message_stop" } },
    ],
  };
}

/** A 200 stream whose first event is an Anthropic `error` event. */
export function anthropicErrorFirstFrame(type = "overloaded_error", text = "Overloaded"): Behaviour {
  return {
    kind: "sse",
    frames: [{ event: "error", data: { type: "error", error: { type, message: text } } }],
  };
}
