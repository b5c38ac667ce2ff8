import type { ExpectedMessage } from "./expected-message.js";

type Json = Record<string, unknown>;

const STOP_REASONS: Record<string, string> = {
  stop: "end_turn",
  length: "max_tokens",
  tool_calls: "tool_use",
  function_call: "tool_use",
  content_filter: "refusal",
};

function asObject(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

/**
 * Providers put usage in different places: the standard field, Groq's `x_groq`, or (Moonshot) the
 * choice; and cache hits in `prompt_tokens_details.cached_tokens`, DeepSeek's `prompt_cache_hit_tokens`
 * or Moonshot's `cached_tokens`.
 */
function findUsage(chunk: Json): Json | undefined {
  const choice = asObject((chunk.choices as unknown[] | undefined)?.[0]);
  return asObject(chunk.usage) ?? asObject(asObject(chunk.x_groq)?.usage) ?? asObject(choice?.usage);
}

function toUsage(usage: Json | undefined): ExpectedMessage["usage"] {
  if (!usage) return undefined;
  const promptTokens = num(usage.prompt_tokens);
  const outputTokens = num(usage.completion_tokens);
  if (promptTokens === undefined || outputTokens === undefined) return undefined;
  const cachedTokens =
    num(asObject(usage.prompt_tokens_details)?.cached_tokens) ??
    num(usage.prompt_cache_hit_tokens) ??
    num(usage.cached_tokens) ??
    0;
  return { promptTokens, cachedTokens, outputTokens };
}

function stopReason(finishReason: unknown, hasToolCalls: boolean): string {
  // Some providers (Gemini's compatibility layer) finish a tool call with "stop"; the turn still ends in tool use.
  if (hasToolCalls) return "tool_use";
  return (typeof finishReason === "string" && STOP_REASONS[finishReason]) || "end_turn";
}

function reasoningOf(source: Json | undefined): string {
  const value = source?.reasoning_content ?? source?.reasoning;
  return typeof value === "string" ? value : "";
}

/** The expected message of a non-streaming OpenAI Chat Completions response. */
export function expectedFromOpenAIResponse(body: unknown): ExpectedMessage {
  const response = asObject(body) ?? {};
  const choice = asObject((response.choices as unknown[] | undefined)?.[0]) ?? {};
  const message = asObject(choice.message) ?? {};
  const toolCalls = ((message.tool_calls as unknown[] | undefined) ?? []).map((call) => {
    const fn = asObject(asObject(call)?.function) ?? {};
    const args = typeof fn.arguments === "string" && fn.arguments !== "" ? fn.arguments : "{}";
    return { name: String(fn.name), input: JSON.parse(args) as unknown };
  });
  return {
    text: typeof message.content === "string" ? message.content : "",
    thinking: reasoningOf(message),
    toolCalls,
    usage: toUsage(findUsage(response)),
    stopReason: stopReason(choice.finish_reason, toolCalls.length > 0),
  };
}

/** The expected message of an OpenAI Chat Completions stream, given its chunks in order. */
export function expectedFromOpenAIChunks(chunks: readonly unknown[]): ExpectedMessage {
  let text = "";
  let thinking = "";
  let finishReason: unknown;
  let usage: Json | undefined;
  const calls = new Map<number, { name: string; args: string }>();
  for (const raw of chunks) {
    const chunk = asObject(raw) ?? {};
    usage = findUsage(chunk) ?? usage;
    const choice = asObject((chunk.choices as unknown[] | undefined)?.[0]);
    if (!choice) continue;
    if (choice.finish_reason) finishReason = choice.finish_reason;
    const delta = asObject(choice.delta) ?? {};
    if (typeof delta.content === "string") text += delta.content;
    thinking += reasoningOf(delta);
    for (const rawCall of (delta.tool_calls as unknown[] | undefined) ?? []) {
      const call = asObject(rawCall) ?? {};
      const index = num(call.index) ?? calls.size;
      const fn = asObject(call.function) ?? {};
      const entry = calls.get(index) ?? { name: "", args: "" };
      if (typeof fn.name === "string" && fn.name !== "") entry.name = fn.name;
      if (typeof fn.arguments === "string") entry.args += fn.arguments;
      calls.set(index, entry);
    }
  }
  const toolCalls = [...calls.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, call]) => ({
      name: call.name,
      input: JSON.parse(call.args === "" ? "{}" : call.args) as unknown,
    }));
  return {
    text,
    thinking,
    toolCalls,
    usage: toUsage(usage),
    stopReason: stopReason(finishReason, toolCalls.length > 0),
  };
}
