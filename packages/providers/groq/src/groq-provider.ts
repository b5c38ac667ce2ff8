import { defineProvider } from "@ccr/provider";
import { groqTransformer } from "./groq-transformer.js";
import { groqUsageTransformer } from "./groq-usage-transformer.js";

/**
 * Groq (OpenAI-compatible). This package's `groq` transformer removes what Groq rejects (`$schema` in
 * tool schemas, leftover `cache_control`, unsupported fields); `groq-usage`
 * reads the stream usage Groq puts in `x_groq.usage`. Reasoning models answer with a `reasoning`
 * field, which becomes thinking blocks.
 *
 * Limits and prices: console.groq.com/docs/models as mirrored by models.dev (accessed 2026-11-25).
 */
export const groqProvider = defineProvider({
  id: "groq",
  displayName: "Groq",
  defaultBaseUrl: "https://api.groq.com/openai/v1",
  protocol: "openai",
  auth: { style: "bearer" },
  apiKeyEnv: "GROQ_API_KEY",
  docsUrl: "https://console.groq.com/docs",
  transformers: [{ name: "groq" }, { name: "groq-usage" }],
  transformersProvided: { groq: groqTransformer, "groq-usage": groqUsageTransformer },
  models: [
    {
      id: "openai/gpt-oss-120b",
      displayName: "GPT OSS 120B",
      contextWindow: 131_072,
      maxOutputTokens: 65_536,
      capabilities: { tools: true, vision: false, reasoning: true },
      pricing: { input: 0.15, output: 0.6, cacheRead: 0.075 },
    },
    {
      id: "moonshotai/kimi-k2-instruct",
      displayName: "Kimi K2 Instruct",
      contextWindow: 131_072,
      // models.dev lists the output limit as the whole context window; Groq documents no lower cap.
      maxOutputTokens: 131_072,
      capabilities: { tools: true, vision: false, reasoning: false },
      pricing: { input: 1, output: 3 },
    },
  ],
});
