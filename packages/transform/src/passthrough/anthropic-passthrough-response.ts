import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import type { AnthropicMessage } from "../types/anthropic.js";
import { upstreamAnthropicError } from "./upstream-anthropic-error.js";

/**
 * An Anthropic-compatible upstream's JSON answer, passed through with the
 * model name the client asked for (as the OpenAI path does, so Claude Code
 * sees the same name whichever tier answered). A 200 whose body is an error,
 * or not a message at all, throws UpstreamResponseError so the router can
 * cascade instead of returning it as a reply.
 */
export function anthropicPassthroughResponse(body: unknown, requestedModel: string): AnthropicMessage {
  if (typeof body !== "object" || body === null) throw notAMessage(body);
  const record = body as Record<string, unknown>;
  if (record.type === "error" || (record.error != null && record.content === undefined)) {
    throw upstreamAnthropicError(body);
  }
  if (!Array.isArray(record.content)) throw notAMessage(body);
  return { ...(body as AnthropicMessage), model: requestedModel };
}

function notAMessage(body: unknown): UpstreamResponseError {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return new UpstreamResponseError({
    status: 502,
    message: `upstream answered without a message: ${String(text).slice(0, 200)}`,
    body,
  });
}
