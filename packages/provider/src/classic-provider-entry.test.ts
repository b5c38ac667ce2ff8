import { describe, expect, it } from "vitest";
import { classicProviderEntry } from "./classic-provider-entry.js";
import type { ProviderDefinition } from "./provider-definition.js";

const def: ProviderDefinition = {
  id: "deepseek",
  displayName: "DeepSeek",
  defaultBaseUrl: "https://api.deepseek.com",
  protocol: "openai",
  auth: { style: "bearer" },
  apiKeyEnv: "DEEPSEEK_API_KEY",
  transformers: [{ name: "deepseek" }],
  modelTransformers: { "deepseek-chat": [{ name: "maxtoken", options: { max_tokens: 8192 } }] },
  models: ["deepseek-chat", "deepseek-reasoner"].map((id) => ({
    id,
    contextWindow: 128_000,
    maxOutputTokens: 8192,
    capabilities: { tools: true, vision: false, reasoning: id === "deepseek-reasoner" },
    pricing: { input: 0.28, output: 0.42 },
  })),
  alternateEndpoints: [
    {
      id: "anthropic",
      baseUrl: "https://api.deepseek.com/anthropic",
      protocol: "anthropic",
      description: "Anthropic-compatible",
      transformers: [],
    },
  ],
};

describe("classicProviderEntry", () => {
  it("spells the defaults out in the config-file format", () => {
    expect(classicProviderEntry(def, { name: "ds", apiKey: "$DEEPSEEK_API_KEY" })).toEqual({
      name: "ds",
      api_base_url: "https://api.deepseek.com/v1/chat/completions",
      protocol: "openai",
      api_key: "$DEEPSEEK_API_KEY",
      models: ["deepseek-chat", "deepseek-reasoner"],
      transformer: { use: ["deepseek"], "deepseek-chat": { use: [["maxtoken", { max_tokens: 8192 }]] } },
    });
  });

  it("uses an alternate endpoint with its own protocol and chain", () => {
    const entry = classicProviderEntry(def, { endpoint: "anthropic" });
    expect(entry.api_base_url).toBe("https://api.deepseek.com/anthropic/v1/messages");
    expect(entry.protocol).toBe("anthropic");
    expect(entry.transformer?.use).toEqual([]);
    expect(entry.name).toBe("deepseek");
  });

  it("lists the known endpoints when asked for an unknown one", () => {
    expect(() => classicProviderEntry(def, { endpoint: "coding" })).toThrow(
      'provider "deepseek" has no endpoint "coding" (known: anthropic)',
    );
  });
});
