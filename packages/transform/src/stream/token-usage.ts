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
  if (!usage) return undefined;
  return {
    inputTokens: usage.input_tokens ?? 0,
    outputTokens: usage.output_tokens ?? 0,
    cacheReadTokens: usage.cache_read_input_tokens ?? 0,
    cacheCreationTokens: usage.cache_creation_input_tokens ?? 0,
  };
}
