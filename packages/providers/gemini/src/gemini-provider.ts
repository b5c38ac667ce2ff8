import { defineProvider } from "@ccr/provider";
import { geminiTransformer } from "./gemini-transformer.js";

const capabilities = { tools: true, vision: true, reasoning: true } as const;

/**
 * Google Gemini through its OpenAI-compatible endpoint. Gemini accepts only an OpenAPI subset in
 * function schemas and answers 400 to `additionalProperties`, `$schema` and the like, which Claude
 * Code's tool schemas are full of: this package's `gemini` transformer cleans them. Gemini sends each
 * tool call whole in one chunk, with ids of its own, and may finish a tool-calling turn with `stop`.
 *
 * Limits and prices: ai.google.dev/gemini-api/docs/pricing as mirrored by models.dev (accessed
 * 2026-11-25). Gemini 2.5 Pro bills prompts over 200K tokens at $2.50 / $15; the standard tier is listed.
 */
export const geminiProvider = defineProvider({
  id: "gemini",
  displayName: "Google Gemini",
  defaultBaseUrl: "https://generativelanguage.googleapis.com/v1beta/openai",
  protocol: "openai",
  auth: { style: "bearer" },
  apiKeyEnv: "GEMINI_API_KEY",
  docsUrl: "https://ai.google.dev/gemini-api/docs/openai",
  transformers: [{ name: "gemini" }],
  transformersProvided: { gemini: geminiTransformer },
  models: [
    {
      id: "gemini-3.5-flash",
      displayName: "Gemini 3.5 Flash",
      contextWindow: 1_048_576,
      maxOutputTokens: 65_536,
      capabilities,
      pricing: { input: 1.5, output: 9, cacheRead: 0.15 },
    },
    {
      id: "gemini-2.5-pro",
      displayName: "Gemini 2.5 Pro",
      contextWindow: 1_048_576,
      maxOutputTokens: 65_536,
      capabilities,
      pricing: { input: 1.25, output: 10, cacheRead: 0.125 },
    },
    {
      id: "gemini-2.5-flash",
      displayName: "Gemini 2.5 Flash",
      contextWindow: 1_048_576,
      maxOutputTokens: 65_536,
      capabilities,
      pricing: { input: 0.3, output: 2.5, cacheRead: 0.03 },
    },
  ],
});
