import { tokenCount } from "../stream/token-usage.js";
import type { AnthropicUsage } from "../types/anthropic.js";
import type { OpenAIUsage } from "../types/openai.js";

/**
 * OpenAI counts cached prompt tokens inside `prompt_tokens`; Anthropic counts
 * them apart. DeepSeek reports its cache hits in its own field. Counts that
 * are not counts (see tokenCount) are 0.
 */
export function openAIUsageToAnthropic(usage: OpenAIUsage | null | undefined): AnthropicUsage {
  const prompt = tokenCount(usage?.prompt_tokens);
  const details = usage?.prompt_tokens_details;
  const cached = tokenCount(
    (typeof details === "object" && details !== null ? details.cached_tokens : undefined) ??
      usage?.prompt_cache_hit_tokens,
  );
  return {
    input_tokens: Math.max(0, prompt - cached),
    output_tokens: tokenCount(usage?.completion_tokens),
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: cached,
  };
}
