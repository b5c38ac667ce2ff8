import { normalizeConfig } from "@ccr/config";
import { ollamaProvider } from "@ccr/provider-ollama";
import { describe, expect, it } from "vitest";
import { modelPrices, replacePrices } from "./model-prices.js";

const config = (providers: unknown[]) =>
  normalizeConfig(
    { Providers: providers, Router: { default: "ollama,gpt-oss:20b" } },
    { env: {}, providerDefinitions: { ollama: ollamaProvider } },
  ).config;

describe("modelPrices", () => {
  it("prices each model its package prices, by tier id, and nothing else", () => {
    const withPlain = config([
      { provider: "ollama", models: ["gpt-oss:20b", "mystery"] },
      { name: "plain", api_base_url: "https://x.example/v1", models: ["m"] },
    ]);
    expect(modelPrices(withPlain)).toEqual({ "ollama,gpt-oss:20b": { input: 0, output: 0 } });
  });

  it("replaces the table's content in place on reload", () => {
    const table = modelPrices(config([{ provider: "ollama" }]));
    const same = table;
    replacePrices(table, config([{ provider: "ollama", models: ["gpt-oss:20b"] }]));
    expect(same).toEqual({ "ollama,gpt-oss:20b": { input: 0, output: 0 } });
  });
});
