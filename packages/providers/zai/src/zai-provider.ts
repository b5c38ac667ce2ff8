import { defineProvider } from "@ccr/provider";

const capabilities = { tools: true, vision: false, reasoning: true } as const;

/**
 * Z.AI (GLM). The default endpoint is the GLM Coding Plan's, the one Claude Code users subscribe
 * to; pay-as-you-go keys use the `general` endpoint instead. GLM thinks by default and streams its
 * reasoning as `reasoning_content`; the built-in `reasoning` transformer maps Claude Code's thinking
 * setting to GLM's `thinking` switch and sends earlier reasoning back. Z.AI also serves the
 * Anthropic protocol (`anthropic` endpoint), where requests pass through unchanged.
 *
 * Limits and prices (pay-as-you-go rates; the Coding Plan is a subscription): docs.z.ai pricing as
 * mirrored by models.dev and openclaw's Z.AI catalog (accessed 2026-11-25).
 */
export const zaiProvider = defineProvider({
  id: "zai",
  displayName: "Z.AI (GLM)",
  defaultBaseUrl: "https://api.z.ai/api/coding/paas/v4",
  protocol: "openai",
  auth: { style: "bearer" },
  apiKeyEnv: "ZAI_API_KEY",
  docsUrl: "https://docs.z.ai",
  transformers: [{ name: "reasoning" }],
  models: [
    {
      id: "glm-5.1",
      displayName: "GLM-5.1",
      contextWindow: 202_800,
      maxOutputTokens: 131_100,
      capabilities,
      pricing: { input: 1.2, output: 4, cacheRead: 0.24 },
    },
    {
      id: "glm-5",
      displayName: "GLM-5",
      contextWindow: 202_800,
      maxOutputTokens: 131_100,
      capabilities,
      pricing: { input: 1, output: 3.2, cacheRead: 0.2 },
    },
    {
      id: "glm-4.7",
      displayName: "GLM-4.7",
      contextWindow: 204_800,
      maxOutputTokens: 131_072,
      capabilities,
      pricing: { input: 0.6, output: 2.2, cacheRead: 0.11 },
    },
  ],
  alternateEndpoints: [
    {
      id: "general",
      baseUrl: "https://api.z.ai/api/paas/v4",
      protocol: "openai",
      description: "Z.AI's pay-as-you-go endpoint, for keys without the GLM Coding Plan.",
    },
    {
      id: "anthropic",
      baseUrl: "https://api.z.ai/api/anthropic",
      protocol: "anthropic",
      description: "Z.AI's Anthropic-compatible endpoint: Claude Code's requests pass through unchanged.",
      transformers: [],
    },
  ],
});
