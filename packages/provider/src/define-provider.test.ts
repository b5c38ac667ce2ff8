import { describe, expect, it } from "vitest";
import { defineProvider } from "./define-provider.js";
import type { ProviderDefinition } from "./provider-definition.js";
import { ProviderDefinitionError } from "./provider-definition-error.js";

const valid: ProviderDefinition = {
  id: "example",
  displayName: "Example",
  defaultBaseUrl: "https://api.example.com/v1",
  protocol: "openai",
  auth: { style: "bearer" },
  apiKeyEnv: "EXAMPLE_API_KEY",
  transformers: [{ name: "openai" }],
  modelTransformers: { "example-large": [{ name: "maxtoken", options: { max_tokens: 8192 } }] },
  models: [
    {
      id: "example-large",
      contextWindow: 128_000,
      maxOutputTokens: 8192,
      capabilities: { tools: true, vision: false, reasoning: false },
      pricing: { input: 1, output: 2, cacheRead: 0.1 },
    },
  ],
};

function problemsOf(def: unknown): readonly string[] {
  try {
    defineProvider(def as ProviderDefinition);
  } catch (error) {
    if (ProviderDefinitionError.isInstance(error)) return error.issues;
    throw error;
  }
  return [];
}

describe("defineProvider", () => {
  it("returns the definition deeply frozen", () => {
    const def = defineProvider(structuredClone(valid));
    expect(def).toEqual(valid);
    expect(Object.isFrozen(def)).toBe(true);
    expect(Object.isFrozen(def.models[0]!.pricing)).toBe(true);
    expect(Object.isFrozen(def.modelTransformers!["example-large"]![0]!.options)).toBe(true);
  });

  it("keeps provided transformer factories callable", () => {
    const factory = () => ({ name: "example" });
    const def = defineProvider({ ...structuredClone(valid), transformersProvided: { example: factory } });
    expect(def.transformersProvided!.example).toBe(factory);
  });

  it("reports every shape problem with its path", () => {
    const broken = {
      ...valid,
      id: "Example",
      defaultBaseUrl: "api.example.com",
      apiKeyEnv: "example key",
      models: [{ ...valid.models[0], contextWindow: 0, pricing: { input: -1, output: 2 }, contextwindow: 5 }],
    };
    expect(problemsOf(broken)).toMatchInlineSnapshot(`
      [
        "id: must be lower-case letters, digits and dashes",
        "defaultBaseUrl: must be an absolute URL",
        "apiKeyEnv: must be an environment variable name",
        "models.0.contextWindow: Invalid value: Expected >=1 but received 0",
        "models.0.pricing.input: Invalid value: Expected >=0 but received -1",
        "models.0.contextwindow: Invalid key: Expected never but received "contextwindow"",
      ]
    `);
  });

  it("reports the rules that tie fields together", () => {
    const broken: ProviderDefinition = {
      ...valid,
      auth: { style: "none" },
      modelTransformers: { "missing-model": [] },
      models: [
        { ...valid.models[0]!, maxOutputTokens: 200_000 },
        { ...valid.models[0]!, maxOutputTokens: 1000 },
      ],
      alternateEndpoints: [
        {
          id: "anthropic",
          baseUrl: "https://api.example.com/anthropic",
          protocol: "anthropic",
          description: "a",
        },
        {
          id: "anthropic",
          baseUrl: "https://api.example.com/anthropic",
          protocol: "anthropic",
          description: "b",
        },
      ],
    };
    expect(problemsOf(broken)).toEqual([
      "models.0.maxOutputTokens: 200000 exceeds the context window (128000)",
      'models.1.id: duplicate model id "example-large"',
      "modelTransformers.missing-model: no model with this id in models",
      'apiKeyEnv: auth style "none" sends no key, so there is no key variable to name',
      'alternateEndpoints.1.id: duplicate id "anthropic"',
    ]);
  });

  it("asks for a key variable when the provider needs a key", () => {
    const { apiKeyEnv: _omitted, ...withoutKey } = valid;
    expect(problemsOf(withoutKey)).toEqual([
      'apiKeyEnv: auth style "bearer" needs a key; name the variable users keep it in',
    ]);
  });

  it("names the provider in the error message", () => {
    expect(() => defineProvider({ ...valid, models: [] })).toThrow(
      'Invalid provider "example":\n  - models: must list at least one model',
    );
  });
});
