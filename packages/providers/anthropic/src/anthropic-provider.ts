import { defineProvider } from "@ccr/provider";

const capabilities = { tools: true, vision: true, reasoning: true } as const;

/**
 * Anthropic's own API: Claude Code's requests pass through unchanged (only the model is the
 * tier's), so thinking signatures, cache control and server tools all survive; only unsigned thinking
 * (made by another tier earlier in the session) is dropped, as Anthropic rejects it.
 *
 * Limits and prices: platform.claude.com/docs/en/about-claude/models and /pricing as mirrored by
 * models.dev (accessed 2026-11-25). Opus 5.5 limits are assumed equal to Sonnet 5.5's (unverified).
 */
export const anthropicProvider = defineProvider({
  id: "anthropic",
  displayName: "Anthropic",
  defaultBaseUrl: "https://api.anthropic.com",
  protocol: "anthropic",
  auth: { style: "x-api-key" },
  apiKeyEnv: "ANTHROPIC_API_KEY",
  headers: { "anthropic-version": "2023-06-01" },
  docsUrl: "https://platform.claude.com/docs/en/api/messages",
  // Thinking made by an OpenAI-compatible tier earlier in the session has no signature: Anthropic would
  // reject every later turn, so it is dropped (signed thinking passes through untouched).
  transformers: [{ name: "signedthinking" }],
  models: [
    {
      id: "claude-sonnet-5-5",
      displayName: "Claude Sonnet 5.5",
      contextWindow: 1_000_000,
      maxOutputTokens: 128_000,
      capabilities,
      pricing: { input: 2, output: 10, cacheRead: 0.1, cacheWrite: 2.5 },
    },
    {
      id: "claude-opus-5-5",
      displayName: "Claude Opus 5.5",
      contextWindow: 1_000_000,
      maxOutputTokens: 128_000,
      capabilities,
      pricing: { input: 4, output: 20, cacheRead: 0.2, cacheWrite: 5 },
    },
    {
      id: "claude-haiku-4-5",
      displayName: "Claude Haiku 4.5",
      contextWindow: 200_000,
      maxOutputTokens: 64_000,
      capabilities,
      pricing: { input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25 },
    },
  ],
});
