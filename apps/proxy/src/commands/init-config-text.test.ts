import { parseConfigText } from "@ccr/config";
import { deepseekProvider } from "@ccr/provider-deepseek";
import { ollamaProvider } from "@ccr/provider-ollama";
import { zaiProvider } from "@ccr/provider-zai";
import { describe, expect, it } from "vitest";
import { initConfigText, keyVariable } from "./init-config-text.js";

const definitions = { deepseek: deepseekProvider, zai: zaiProvider, ollama: ollamaProvider };

describe("initConfigText", () => {
  it("writes a commented config that loads, with the tiers in the order given and keys as $VARS", () => {
    const text = initConfigText({
      tiers: [
        { provider: zaiProvider, model: zaiProvider.models[0]!.id },
        { provider: deepseekProvider, model: "deepseek-v4-pro" },
        { provider: ollamaProvider, model: ollamaProvider.models[0]!.id },
      ],
      date: new Date("2026-12-01T00:00:00Z"),
    });
    expect(text).toMatch(/^\/\/ CCR config written by `ccr init` on 2026-12-01/);
    expect(text).toContain('"api_key": "$ZAI_API_KEY"');
    expect(text).toContain('"api_key": "$DEEPSEEK_API_KEY"');
    expect(text).toContain("// No key: a local server.");
    const { config } = parseConfigText(text, {
      providerDefinitions: definitions,
      env: { ZAI_API_KEY: "z", DEEPSEEK_API_KEY: "d" },
    });
    expect(config.chains.default.map((tier) => tier.id)).toEqual([
      `zai,${zaiProvider.models[0]!.id}`,
      "deepseek,deepseek-v4-pro",
      `ollama,${ollamaProvider.models[0]!.id}`,
    ]);
    // The tier's model comes first; the package's other models stay usable.
    expect(config.providers.deepseek!.models[0]).toBe("deepseek-v4-pro");
    expect(config.providers.deepseek!.models).toContain("deepseek-v4-flash");
    expect(config.port).toBe(3456);
  });

  it("writes the PORT asked for", () => {
    const text = initConfigText({
      tiers: [{ provider: ollamaProvider, model: ollamaProvider.models[0]!.id }],
      port: 4000,
    });
    expect(parseConfigText(text, { providerDefinitions: definitions, env: {} }).config.port).toBe(4000);
  });

  it("names the key variable of each provider, none for a keyless one", () => {
    expect(keyVariable(deepseekProvider)).toBe("DEEPSEEK_API_KEY");
    expect(keyVariable(ollamaProvider)).toBeUndefined();
  });
});
