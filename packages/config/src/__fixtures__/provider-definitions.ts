import type { ModelInfo } from "@ccr/provider";
import type { ProviderDefaults } from "../load/provider-packages.js";

/** A model entry of a provider package, for tests: tools, no images, no reasoning, free unless told. */
export function modelInfo(id: string, info: Partial<Omit<ModelInfo, "id">> = {}): ModelInfo {
  return {
    id,
    contextWindow: 262_144,
    maxOutputTokens: 65_536,
    capabilities: { tools: true, vision: false, reasoning: false },
    pricing: { input: 0, output: 0 },
    ...info,
  };
}

/** Shaped like the Ollama package: a local server, no key. */
export const localProvider: ProviderDefaults = {
  id: "local",
  defaultBaseUrl: "http://127.0.0.1:11434/v1",
  protocol: "openai",
  auth: { style: "none" },
  transformers: [],
  models: [modelInfo("qwen3-coder:30b")],
};
