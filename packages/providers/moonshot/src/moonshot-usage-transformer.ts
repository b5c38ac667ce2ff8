import type { OpenAIChatChunk, TransformerFactory } from "@ccr/provider";

type Usage = NonNullable<OpenAIChatChunk["usage"]>;
type MoonshotChoice = NonNullable<OpenAIChatChunk["choices"]>[number] & { usage?: Usage };

/** Kimi reports prompt-cache hits as `usage.cached_tokens`; the translation reads the OpenAI field. */
function withCachedTokens(usage: Usage): Usage {
  const cached = usage.cached_tokens;
  if (typeof cached !== "number" || usage.prompt_tokens_details?.cached_tokens != null) return usage;
  return { ...usage, prompt_tokens_details: { ...usage.prompt_tokens_details, cached_tokens: cached } };
}

/**
 * Moonshot's streams report usage inside the last chunk's choice (`choices[0].usage`) instead of a
 * top-level `usage`, and count cache hits as `cached_tokens`; this moves both to where the
 * translation reads them, so Claude Code and the cost metrics see real numbers.
 */
export const moonshotUsageTransformer: TransformerFactory = () => ({
  name: "moonshot-usage",
  openaiChunks() {
    return (chunk) => {
      const usage = chunk.usage ?? (chunk.choices?.[0] as MoonshotChoice | undefined)?.usage;
      return usage ? { ...chunk, usage: withCachedTokens(usage) } : chunk;
    };
  },
  openaiResponse(body) {
    return body.usage ? { ...body, usage: withCachedTokens(body.usage) } : body;
  },
});
