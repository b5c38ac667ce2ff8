import { defineProvider } from "@ccr/provider";

const capabilities = { tools: true, vision: true, reasoning: true } as const;

/**
 * OpenAI, and the starting point for any OpenAI-compatible server: point `api_base_url` at the
 * server and list its models. Current OpenAI models are reasoning models that reject `max_tokens`,
 * hence `maxcompletiontokens`; drop it (`"transformer": {"use": []}`) for servers that only know
 * `max_tokens`. They answer without exposing their reasoning, so no thinking blocks come back.
 *
 * Limits and prices: platform.openai.com/docs/models as mirrored by models.dev (accessed 2026-11-25).
 * GPT-5.5 bills prompts over 272K tokens at a higher tier ($10 / $45); the standard tier is listed.
 */
export const openaiProvider = defineProvider({
  id: "openai",
  displayName: "OpenAI",
  defaultBaseUrl: "https://api.openai.com/v1",
  protocol: "openai",
  auth: { style: "bearer" },
  apiKeyEnv: "OPENAI_API_KEY",
  docsUrl: "https://platform.openai.com/docs/api-reference/chat",
  transformers: [{ name: "maxcompletiontokens" }],
  models: [
    {
      id: "gpt-5.5",
      displayName: "GPT-5.5",
      contextWindow: 1_050_000,
      maxOutputTokens: 128_000,
      capabilities,
      pricing: { input: 5, output: 30, cacheRead: 0.5 },
    },
    {
      id: "gpt-5",
      displayName: "GPT-5",
      contextWindow: 400_000,
      maxOutputTokens: 128_000,
      capabilities,
      pricing: { input: 1.25, output: 10, cacheRead: 0.125 },
    },
    {
      id: "gpt-5-mini",
      displayName: "GPT-5 mini",
      contextWindow: 400_000,
      maxOutputTokens: 128_000,
      capabilities,
      pricing: { input: 0.25, output: 2, cacheRead: 0.025 },
    },
  ],
});
