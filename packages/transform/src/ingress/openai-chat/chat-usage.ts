import type { AnthropicUsage } from "../../types/anthropic.js";
import type { OpenAIUsage } from "../../types/openai.js";

/**
 * Canonical (Anthropic) usage → Chat Completions usage. Anthropic counts cached input apart from
 * `input_tokens`; OpenAI's `prompt_tokens` includes it, with the cache hits repeated in
 * `prompt_tokens_details.cached_tokens`.
 */
export function chatUsage(usage: Partial<AnthropicUsage>): OpenAIUsage {
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const prompt = (usage.input_tokens ?? 0) + cacheRead + (usage.cache_creation_input_tokens ?? 0);
  const completion = usage.output_tokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: cacheRead },
  };
}
