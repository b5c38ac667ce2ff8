import { defineProvider } from "@ccr/provider";

const capabilities = { tools: true, vision: false, reasoning: true } as const;

/**
 * MiniMax. Its Anthropic-compatible endpoint is the default, as MiniMax recommends for Claude
 * Code: interleaved thinking (with signatures) survives the round trip unchanged. The OpenAI-
 * compatible endpoint (`openai`) returns the thinking inline as `<think>...</think>` in the
 * content, which the built-in `extrathinktag` transformer turns back into thinking blocks.
 *
 * Limits and prices: platform.minimax.io pricing as mirrored by models.dev and promptfoo's MiniMax
 * page (accessed 2026-11-25). MiniMax-M3 prompts over 512K tokens bill at double rates. The
 * MiniMax-M2.7 output limit is not published; 131,072 (M3's) is assumed.
 */
export const minimaxProvider = defineProvider({
  id: "minimax",
  displayName: "MiniMax",
  defaultBaseUrl: "https://api.minimax.io/anthropic",
  protocol: "anthropic",
  auth: { style: "bearer" },
  apiKeyEnv: "MINIMAX_API_KEY",
  docsUrl: "https://platform.minimax.io/docs",
  transformers: [],
  models: [
    {
      id: "MiniMax-M3",
      displayName: "MiniMax M3",
      contextWindow: 1_000_000,
      maxOutputTokens: 131_072,
      capabilities,
      pricing: { input: 0.35, output: 1.4, cacheRead: 0.07, cacheWrite: 0.4 },
    },
    {
      id: "MiniMax-M2.7",
      displayName: "MiniMax M2.7",
      contextWindow: 204_800,
      maxOutputTokens: 131_072,
      capabilities,
      pricing: { input: 0.3, output: 1.2, cacheRead: 0.06 },
    },
  ],
  alternateEndpoints: [
    {
      id: "openai",
      baseUrl: "https://api.minimax.io/v1",
      protocol: "openai",
      description: "MiniMax's OpenAI-compatible endpoint; thinking arrives as <think> tags in the content.",
      transformers: [{ name: "extrathinktag" }],
    },
  ],
});
