import type { AnthropicUsage } from "../types/anthropic.js";

/** Token counts of one answer as the upstream reported them, the same whatever protocol carried them. */
export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheCreationTokens: number;
}

/** An Anthropic `usage` object (a message's, or a stream's merged from message_start and message_delta). */
export function tokenUsage(usage: Partial<AnthropicUsage> | null | undefined): TokenUsage | undefined {
  if (typeof usage !== "object" || usage === null) return undefined;
  return {
    inputTokens: tokenCount(usage.input_tokens),
    outputTokens: tokenCount(usage.output_tokens),
    cacheReadTokens: tokenCount(usage.cache_read_input_tokens),
    cacheCreationTokens: tokenCount(usage.cache_creation_input_tokens),
  };
}

/**
 * A token count an upstream reported, as a whole number of tokens: anything else it may send there (a
 * string, a negative or fractional number, a number too large to count exactly, null) counts as 0, so
 * metrics, costs and the client's usage never carry NaN or garbage.
 */
export function tokenCount(value: unknown): number {
  return typeof value === "number" && value >= 0 && value <= Number.MAX_SAFE_INTEGER ? Math.round(value) : 0;
}
