import type { TokenUsage } from "@ccr/metrics";
import type { AnthropicMessage } from "@ccr/transform";

/** Usage of a non-streamed answer, in the metrics' terms. */
export function messageUsage(message: AnthropicMessage): TokenUsage | undefined {
  const usage = message.usage;
  if (!usage) return undefined;
  return {
    inputTokens: usage.input_tokens ?? 0,
    outputTokens: usage.output_tokens ?? 0,
    cacheReadTokens: usage.cache_read_input_tokens ?? 0,
    cacheCreationTokens: usage.cache_creation_input_tokens ?? 0,
  };
}
