import type { ExpectedMessage } from "./expected-message.js";

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function toUsage(usage: Json): ExpectedMessage["usage"] {
  const input = typeof usage.input_tokens === "number" ? usage.input_tokens : 0;
  const cached = typeof usage.cache_read_input_tokens === "number" ? usage.cache_read_input_tokens : 0;
  const output = typeof usage.output_tokens === "number" ? usage.output_tokens : 0;
  return { promptTokens: input + cached, cachedTokens: cached, outputTokens: output };
}

/** The expected message of a non-streaming Anthropic Messages response. */
export function expectedFromAnthropicResponse(body: unknown): ExpectedMessage {
  const message = asObject(body) ?? {};
  const blocks = ((message.content as unknown[] | undefined) ?? []).map((block) => asObject(block) ?? {});
  return {
    text: blocks.map((block) => (block.type === "text" ? String(block.text) : "")).join(""),
    thinking: blocks.map((block) => (block.type === "thinking" ? String(block.thinking) : "")).join(""),
    toolCalls: blocks
      .filter((block) => block.type === "tool_use")
      .map((block) => ({ name: String(block.name), input: block.input })),
    usage: toUsage(asObject(message.usage) ?? {}),
    stopReason: typeof message.stop_reason === "string" ? message.stop_reason : "end_turn",
  };
}

/** The expected message of an Anthropic Messages stream, given its events in order. */
export function expectedFromAnthropicEvents(events: readonly unknown[]): ExpectedMessage {
  let text = "";
  let thinking = "";
  let stopReason = "end_turn";
  let usage: Json = {};
  const tools = new Map<number, { name: string; json: string }>();
  for (const raw of events) {
    const event = asObject(raw) ?? {};
    if (event.type === "message_start") usage = { ...usage, ...asObject(asObject(event.message)?.usage) };
    if (event.type === "message_delta") {
      usage = { ...usage, ...asObject(event.usage) };
      const reason = asObject(event.delta)?.stop_reason;
      if (typeof reason === "string") stopReason = reason;
    }
    if (event.type === "content_block_start") {
      const block = asObject(event.content_block) ?? {};
      if (block.type === "tool_use") tools.set(Number(event.index), { name: String(block.name), json: "" });
    }
    if (event.type === "content_block_delta") {
      const delta = asObject(event.delta) ?? {};
      if (delta.type === "text_delta") text += String(delta.text);
      if (delta.type === "thinking_delta") thinking += String(delta.thinking);
      if (delta.type === "input_json_delta") {
        const tool = tools.get(Number(event.index));
        if (tool) tool.json += String(delta.partial_json);
      }
    }
  }
  const toolCalls = [...tools.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, tool]) => ({
      name: tool.name,
      input: JSON.parse(tool.json === "" ? "{}" : tool.json) as unknown,
    }));
  return { text, thinking, toolCalls, usage: toUsage(usage), stopReason };
}
