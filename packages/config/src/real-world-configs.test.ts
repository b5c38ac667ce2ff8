import { describe, expect, it } from "vitest";
import { readFixture } from "./__fixtures__/test-support.js";
import { resolveTier } from "./chains/resolve-tier.js";
import { formatIssue } from "./issues/config-issue.js";
import { parseConfigText } from "./load/parse-config-text.js";
import { normalizeConfig } from "./normalize/normalize-config.js";

describe("a config as claude-code-router's UI writes it", () => {
  const { config, warnings } = parseConfigText(readFixture("claude-code-router-ui.jsonc"), {
    env: {},
    sourcePath: "/home/me/.claude-code-router/config.json",
  });

  it("loads unchanged, listening on the LAN behind APIKEY without a warning about it", () => {
    expect(config.host).toBe("0.0.0.0");
    expect(config.apiKey).toBe("sk-lan-access-key");
    expect(warnings.map((warning) => warning.path)).not.toContain("HOST");
  });

  it("keeps provider names as written (capitals, non-ASCII) and model ids with slashes and colons", () => {
    expect(Object.keys(config.providers)).toEqual(["OpenRouter", "google_free", "智谱清言", "SiliconFlow"]);
    expect(config.chains.default.map((tier) => tier.id)).toEqual([
      "OpenRouter,moonshotai/kimi-k2",
      "OpenRouter,anthropic/claude-3.7-sonnet:thinking",
      "google_free,gemini-2.5-pro",
    ]);
    expect(config.providers.OpenRouter?.modelTransformers["anthropic/claude-3.7-sonnet:thinking"]).toEqual([
      { name: "reasoning", options: { enable: true } },
    ]);
  });

  it("treats the routes saved as empty strings as unset", () => {
    expect(config.router.background).toBeUndefined();
    expect(config.router.webSearch).toBeUndefined();
    expect(config.router.image).toBeUndefined();
  });

  it("sends Gemini's native API URL to Gemini's OpenAI-compatible endpoint", () => {
    expect(config.providers.google_free).toMatchObject({
      protocol: "openai",
      endpointUrl: "https://generativelanguage.googleapis.com/v1beta/openai/chat/completions",
    });
  });

  it("ignores a bare-string transformer with a warning, as claude-code-router does, instead of failing", () => {
    expect(config.providers.google_free?.transformers).toEqual([]);
    expect(warnings.map(formatIssue)).toContain(
      'Providers[1].transformer: ignored: must be an object like {"use": [...]} (found "google"); write {"use": ["google"]} to apply it',
    );
  });

  it("keeps the custom transformer entry, ignoring its empty name", () => {
    expect(config.customTransformers).toEqual([
      { path: "/home/me/.claude-code-router/plugins/qwen-cli.js", options: {} },
    ]);
  });
});

describe("model ids with a comma", () => {
  it("route: the provider is everything before the first comma, the model everything after", () => {
    const { config } = normalizeConfig(
      {
        Providers: [{ name: "p", api_base_url: "https://p.example/v1", models: ["vendor/model,v2", "x"] }],
        Router: { default: "p,vendor/model,v2", think: "p,x" },
      },
      { env: {} },
    );
    expect(config.chains.default.map((tier) => [tier.provider, tier.model])).toEqual([
      ["p", "vendor/model,v2"],
      ["p", "x"],
    ]);
    expect(resolveTier(config, "p,vendor/model,v2")?.model).toBe("vendor/model,v2");
  });
});

describe("Anthropic-compatible endpoints as providers document them", () => {
  it("speaks Anthropic Messages to /anthropic bases and full /messages URLs, whatever the transformer's case", () => {
    const anthropic = (name: string, url: string) => ({
      name,
      api_base_url: url,
      api_key: `${name}-key-0123456789`,
      models: ["m"],
      transformer: { use: ["Anthropic"] },
    });
    const { config } = normalizeConfig(
      {
        Providers: [
          anthropic("zai", "https://api.z.ai/api/anthropic"),
          anthropic("moonshot", "https://api.moonshot.ai/anthropic/"),
          anthropic("deepseek", "https://api.deepseek.com/anthropic"),
          anthropic("relay", "https://relay.example.com/api/v1/messages"),
        ],
        Router: { default: "zai,m", tiers: ["moonshot,m", "deepseek,m", "relay,m"] },
      },
      { env: {} },
    );
    expect(Object.values(config.providers).map((p) => [p.protocol, p.endpointUrl])).toEqual([
      ["anthropic", "https://api.z.ai/api/anthropic/v1/messages"],
      ["anthropic", "https://api.moonshot.ai/anthropic/v1/messages"],
      ["anthropic", "https://api.deepseek.com/anthropic/v1/messages"],
      ["anthropic", "https://relay.example.com/api/v1/messages"],
    ]);
    expect(config.chains.default.map((tier) => tier.provider)).toEqual([
      "zai",
      "moonshot",
      "deepseek",
      "relay",
    ]);
  });
});
