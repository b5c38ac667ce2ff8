import { defineProvider } from "@ccr/provider";
import { moonshotTransformer } from "./moonshot-transformer.js";
import { moonshotUsageTransformer } from "./moonshot-usage-transformer.js";

const capabilities = { tools: true, vision: true, reasoning: true } as const;

/**
 * Moonshot AI (Kimi). Kimi names tool calls `functions.<Name>:<index>`, which is not a valid
 * Anthropic tool id: the translation normalizes it and this package's `moonshot` transformer (alias `kimi`) restores
 * Kimi's form on the way back (with previous thinking sent as `reasoning_content`, which Kimi's
 * thinking models want during tool use). `moonshot-usage` reads the usage
 * Kimi streams inside the choice.
 *
 * Limits and prices: platform.moonshot.ai pricing as mirrored by models.dev and docs.openclaw.ai
 * (accessed 2026-11-25). The China endpoint https://api.moonshot.cn/v1 takes separate keys.
 */
export const moonshotProvider = defineProvider({
  id: "moonshot",
  displayName: "Moonshot AI (Kimi)",
  defaultBaseUrl: "https://api.moonshot.ai/v1",
  protocol: "openai",
  auth: { style: "bearer" },
  apiKeyEnv: "MOONSHOT_API_KEY",
  docsUrl: "https://platform.moonshot.ai/docs",
  transformers: [{ name: "moonshot" }, { name: "moonshot-usage" }],
  transformersProvided: {
    moonshot: moonshotTransformer,
    // claude-code-router's name for it.
    kimi: moonshotTransformer,
    "moonshot-usage": moonshotUsageTransformer,
  },
  models: [
    {
      id: "kimi-k2.6",
      displayName: "Kimi K2.6",
      contextWindow: 262_144,
      maxOutputTokens: 262_144,
      capabilities,
      pricing: { input: 0.95, output: 4, cacheRead: 0.16 },
    },
    {
      id: "kimi-k2.5",
      displayName: "Kimi K2.5",
      contextWindow: 262_144,
      maxOutputTokens: 262_144,
      capabilities,
      pricing: { input: 0.6, output: 3, cacheRead: 0.1 },
    },
  ],
  alternateEndpoints: [
    {
      id: "china",
      baseUrl: "https://api.moonshot.cn/v1",
      protocol: "openai",
      description: "Moonshot's mainland China platform (keys from platform.moonshot.cn).",
    },
  ],
});
