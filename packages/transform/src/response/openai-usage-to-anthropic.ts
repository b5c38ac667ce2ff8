import type { AnthropicUsage } from "../types/anthropic.js";
import type { OpenAIUsage } from "../types/openai.js";

/**
 * OpenAI counts cached prompt tokens inside `prompt_tokens`; Anthropic counts
 * them apart. DeepSeek reports its cache hits in its own field.
 */
export function openAIUsageToAnthropic(usage: OpenAIUsage | null | undefined): AnthropicUsage {
  const prompt = usage?.prompt_tokens ?? 0;
  const cached = usage?.prompt_tokens_details?.cached_tokens ?? usage?.prompt_cache_hit_tokens ?? 0;
  return {
    input_tokens: Math.max(0, prompt - cached),
    output_tokens: usage?.completion_tokens ?? 0,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: cached,
  };
}
