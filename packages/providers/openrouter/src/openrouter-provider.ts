import { defineProvider } from "@ccr/provider";

/**
 * OpenRouter: one key, many upstream providers. The built-in `openrouter` transformer turns Claude
 * Code's thinking setting into OpenRouter's `reasoning` parameter (its `reasoning` answers become
 * thinking blocks) and merges its options into the body, which is how OpenRouter's `provider`
 * routing reaches it: `"transformer": {"use": [["openrouter", {"provider": {"only": ["z-ai"]}}]]}`.
 *
 * Any OpenRouter model id works; these are a few suited to Claude Code. Limits and prices:
 * openrouter.ai/models as mirrored by models.dev (accessed 2026-11-25); OpenRouter passes the
 * upstream's price through, and it can differ by the upstream provider that serves a request.
 */
export const openrouterProvider = defineProvider({
  id: "openrouter",
  displayName: "OpenRouter",
  defaultBaseUrl: "https://openrouter.ai/api/v1",
  protocol: "openai",
  auth: { style: "bearer" },
  apiKeyEnv: "OPENROUTER_API_KEY",
  docsUrl: "https://openrouter.ai/docs",
  transformers: [{ name: "openrouter" }],
  models: [
    {
      id: "anthropic/claude-sonnet-5.5",
      displayName: "Claude Sonnet 5.5",
      contextWindow: 1_000_000,
      maxOutputTokens: 128_000,
      capabilities: { tools: true, vision: true, reasoning: true },
      pricing: { input: 2, output: 10, cacheRead: 0.2, cacheWrite: 2.5 },
    },
    {
      id: "z-ai/glm-5.1",
      displayName: "GLM-5.1",
      contextWindow: 204_800,
      maxOutputTokens: 128_000,
      capabilities: { tools: true, vision: false, reasoning: true },
      pricing: { input: 0.966, output: 3.036, cacheRead: 0.1794 },
    },
    {
      id: "qwen/qwen3-coder",
      displayName: "Qwen3 Coder 480B A35B",
      contextWindow: 1_048_576,
      maxOutputTokens: 65_536,
      capabilities: { tools: true, vision: false, reasoning: false },
      pricing: { input: 0.22, output: 1.8 },
    },
  ],
});
