import { malformedAnswerError } from "../errors/malformed-answer-error.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import type { AnthropicMessage } from "../types/anthropic.js";
import { anthropicBlockProblem } from "./anthropic-block-problem.js";
import { cleanAnthropicUsage } from "./clean-anthropic-usage.js";
import { upstreamAnthropicError } from "./upstream-anthropic-error.js";

/**
 * An Anthropic-compatible upstream's JSON answer, passed through with the
 * model name the client asked for (as the OpenAI path does, so Claude Code
 * sees the same name whichever tier answered). A 200 whose body is an error,
 * not a message at all, or a message with a block the client cannot read
 * (see anthropicBlockProblem) throws UpstreamResponseError so the router can
 * cascade instead of returning it as a reply. A message without `usage`
 * gets zero counts, and counts that are not counts are cleaned
 * (cleanAnthropicUsage): the SDK and Claude Code add them up.
 */
export function anthropicPassthroughResponse(body: unknown, requestedModel: string): AnthropicMessage {
  if (typeof body !== "object" || body === null) throw notAMessage(body);
  const record = body as Record<string, unknown>;
  if (record.type === "error" || (record.error != null && record.content === undefined)) {
    throw upstreamAnthropicError(body);
  }
  if (!Array.isArray(record.content)) throw notAMessage(body);
  for (const [index, block] of record.content.entries()) {
    const problem = anthropicBlockProblem(block, `content.${index}`);
    if (problem) throw malformedAnswerError(problem, body);
  }
  const usage = cleanAnthropicUsage(record.usage, ["input_tokens", "output_tokens"]);
  return { ...(body as AnthropicMessage), model: requestedModel, usage: usage as AnthropicMessage["usage"] };
}

function notAMessage(body: unknown): UpstreamResponseError {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return new UpstreamResponseError({
    status: 502,
    message: `upstream answered without a message: ${String(text).slice(0, 200)}`,
    body,
  });
}
