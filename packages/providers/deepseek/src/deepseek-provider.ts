import { defineProvider } from "@ccr/provider";
import { deepseekTransformer } from "./deepseek-transformer.js";

const capabilities = { tools: true, vision: false, reasoning: true } as const;

/**
 * DeepSeek. One model id serves both modes: non-thinking ("chat") and thinking ("reasoner"),
 * switched per request by `thinking: {type}`, which this package's `deepseek` transformer sets from
 * Claude Code's thinking setting. Answers carry the reasoning as `reasoning_content`, and the API wants
 * it sent back on tool-calling turns; the `deepseek` transformer does both directions. The output limits
 * below are what the router clamps `max_tokens` to.
 * The legacy aliases `deepseek-chat` / `deepseek-reasoner` were retired on 2026-07-24.
 *
 * Limits and prices: api-docs.deepseek.com/quick_start/pricing as mirrored by models.dev
 * (accessed 2026-11-25). Prices are the peak (list) rates; DeepSeek bills off-peak hours at half.
 */
export const deepseekProvider = defineProvider({
  id: "deepseek",
  displayName: "DeepSeek",
  defaultBaseUrl: "https://api.deepseek.com",
  protocol: "openai",
  auth: { style: "bearer" },
  apiKeyEnv: "DEEPSEEK_API_KEY",
  docsUrl: "https://api-docs.deepseek.com",
  transformers: [{ name: "deepseek" }],
  transformersProvided: { deepseek: deepseekTransformer },
  models: [
    {
      id: "deepseek-v4-flash",
      displayName: "DeepSeek V4 Flash",
      contextWindow: 1_000_000,
      maxOutputTokens: 384_000,
      capabilities,
      pricing: { input: 0.44, output: 1.32, cacheRead: 0.014 },
    },
    {
      id: "deepseek-v4-pro",
      displayName: "DeepSeek V4 Pro",
      contextWindow: 1_000_000,
      maxOutputTokens: 384_000,
      capabilities,
      pricing: { input: 1.32, output: 3.96, cacheRead: 0.044 },
    },
  ],
  alternateEndpoints: [
    {
      id: "anthropic",
      baseUrl: "https://api.deepseek.com/anthropic",
      protocol: "anthropic",
      description: "DeepSeek's Anthropic-compatible endpoint: Claude Code's requests pass through unchanged.",
      transformers: [],
    },
  ],
});
