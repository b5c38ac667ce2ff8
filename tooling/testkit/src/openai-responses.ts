import type { Behaviour, SseFrame } from "./behaviour.js";

/** Builders for OpenAI Chat Completions answers: what a fake OpenAI-compatible provider says. */

export interface ToolCallSpec {
  id?: string;
  name: string;
  arguments: Record<string, unknown>;
}

interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}

const defaultUsage: Usage = { prompt_tokens: 12, completion_tokens: 5 };

function completion(message: Record<string, unknown>, finishReason: string, model: string, usage: Usage) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: finishReason }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

function chunk(delta: Record<string, unknown>, finishReason: string | null, model: string, usage?: Usage) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
    ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
  };
}

export interface OpenAIAnswerOptions {
  model?: string;
  usage?: Usage;
  delayMs?: number;
}

export function openaiText(text: string, options: OpenAIAnswerOptions = {}): Behaviour {
  return {
    kind: "json",
    delayMs: options.delayMs,
    body: completion({ content: text }, "stop", options.model ?? "fake-model", options.usage ?? defaultUsage),
  };
}

export function openaiToolCall(call: ToolCallSpec, options: OpenAIAnswerOptions = {}): Behaviour {
  const toolCall = {
    id: call.id ?? "call_fake_1",
    type: "function",
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  };
  return {
    kind: "json",
    delayMs: options.delayMs,
    body: completion(
      { content: null, tool_calls: [toolCall] },
      "tool_calls",
      options.model ?? "fake-model",
      options.usage ?? defaultUsage,
    ),
  };
}

/** The SSE chunks of a streamed text answer: role, one chunk per piece, finish + usage, `[DONE]`. */
export function openaiTextFrames(pieces: string[], options: OpenAIAnswerOptions = {}): SseFrame[] {
  const model = options.model ?? "fake-model";
  return [
    { data: chunk({ role: "assistant", content: "" }, null, model) },
    ...pieces.map((piece) => ({ data: chunk({ content: piece }, null, model) })),
    { data: chunk({}, "stop", model, options.usage ?? defaultUsage) },
    { data: "[DONE]" },
  ];
}

export interface OpenAIStreamOptions extends OpenAIAnswerOptions {
  intervalMs?: number;
  /** What happens after the frames: see the `sse` behaviour. */
  after?: "end" | "break" | "hang";
}

export function openaiTextStream(pieces: string[], options: OpenAIStreamOptions = {}): Behaviour {
  return {
    kind: "sse",
    delayMs: options.delayMs,
    intervalMs: options.intervalMs,
    after: options.after,
    frames: openaiTextFrames(pieces, options),
  };
}

export function openaiToolCallStream(call: ToolCallSpec, options: OpenAIStreamOptions = {}): Behaviour {
  const model = options.model ?? "fake-model";
  const args = JSON.stringify(call.arguments);
  const half = Math.ceil(args.length / 2);
  const toolDelta = (fn: Record<string, unknown>, first: boolean) => ({
    tool_calls: [
      { index: 0, ...(first ? { id: call.id ?? "call_fake_1", type: "function" } : {}), function: fn },
    ],
  });
  return {
    kind: "sse",
    delayMs: options.delayMs,
    intervalMs: options.intervalMs,
    after: options.after,
    frames: [
      { data: chunk({ role: "assistant", content: null }, null, model) },
      { data: chunk(toolDelta({ name: call.name, arguments: "" }, true), null, model) },
      { data: chunk(toolDelta({ arguments: args.slice(0, half) }, false), null, model) },
      { data: chunk(toolDelta({ arguments: args.slice(half) }, false), null, model) },
      { data: chunk({}, "tool_calls", model, options.usage ?? defaultUsage) },
      { data: "[DONE]" },
    ],
  };
}

/** HTTP 200 whose body is an error: some providers report failures this way. */
export function openaiErrorIn200(
  message = "upstream failed inside a 200",
  code: number | string = 500,
): Behaviour {
  return { kind: "json", status: 200, body: { error: { message, type: "server_error", code } } };
}

/** A 200 stream whose first frame is an error. */
export function openaiErrorFirstFrame(
  message = "upstream stream failed at once",
  code: number | string = 500,
): Behaviour {
  return { kind: "sse", frames: [{ data: { error: { message, type: "server_error", code } } }] };
}
