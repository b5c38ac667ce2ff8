import { defineProvider } from "@ccr/provider";

const free = { input: 0, output: 0 } as const;

/**
 * Ollama on this machine, through its OpenAI-compatible endpoint: no key, nothing billed.
 * Ollama reports usage without cache details, and reasoning models (gpt-oss) answer with a
 * `reasoning` field, which becomes thinking blocks.
 *
 * Context windows are the models' own (ollama.com/library, accessed 2026-11-25); Ollama only uses
 * that much when told to (`OLLAMA_CONTEXT_LENGTH` or a Modelfile `num_ctx`), otherwise it silently
 * truncates long Claude Code prompts. Output limits are not published; these are the models' own
 * generation limits as their cards state them, and unverified for Ollama specifically.
 */
export const ollamaProvider = defineProvider({
  id: "ollama",
  displayName: "Ollama (local)",
  defaultBaseUrl: "http://127.0.0.1:11434/v1",
  protocol: "openai",
  auth: { style: "none" },
  docsUrl: "https://github.com/ollama/ollama/blob/main/docs/openai.md",
  transformers: [],
  models: [
    {
      id: "qwen3-coder:30b",
      displayName: "Qwen3 Coder 30B",
      contextWindow: 262_144,
      maxOutputTokens: 65_536,
      capabilities: { tools: true, vision: false, reasoning: false },
      pricing: free,
    },
    {
      id: "gpt-oss:20b",
      displayName: "gpt-oss 20B",
      contextWindow: 131_072,
      maxOutputTokens: 32_768,
      capabilities: { tools: true, vision: false, reasoning: true },
      pricing: free,
    },
  ],
});
