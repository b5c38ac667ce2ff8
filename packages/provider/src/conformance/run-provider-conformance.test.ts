import type { ProviderDefinition } from "../provider-definition.js";
import { runProviderConformance } from "./run-provider-conformance.js";

const fixturesDir = new URL("../__fixtures__/", import.meta.url);

function model(id: string) {
  return {
    id,
    contextWindow: 128_000,
    maxOutputTokens: 8192,
    capabilities: { tools: true, vision: false, reasoning: false },
    pricing: { input: 0.5, output: 1.5 },
  };
}

const openaiExample: ProviderDefinition = {
  id: "example",
  displayName: "Example",
  defaultBaseUrl: "https://api.example.com/v1",
  protocol: "openai",
  auth: { style: "bearer" },
  apiKeyEnv: "EXAMPLE_API_KEY",
  transformers: [],
  models: [model("example-model")],
};

const anthropicExample: ProviderDefinition = {
  id: "example-messages",
  displayName: "Example (Anthropic protocol)",
  defaultBaseUrl: "https://api.example.com/anthropic",
  protocol: "anthropic",
  auth: { style: "x-api-key" },
  apiKeyEnv: "EXAMPLE_API_KEY",
  transformers: [],
  models: [model("example-messages-model")],
};

runProviderConformance(openaiExample, { fixturesDir });
runProviderConformance(anthropicExample, { fixturesDir });
