import { describe, expect, it } from "vitest";
import { localProvider as local } from "../__fixtures__/provider-definitions.js";
import { catchConfigError } from "../__fixtures__/test-support.js";
import { formatIssue } from "../issues/config-issue.js";
import type { ProviderDefaults } from "../load/provider-packages.js";
import { normalizeConfig } from "./normalize-config.js";

/** Shaped like a provider package's definition: DeepSeek's, with an Anthropic-compatible endpoint. */
const acme: ProviderDefaults = {
  id: "acme",
  defaultBaseUrl: "https://api.acme.example/v1",
  protocol: "openai",
  auth: { style: "header", header: "api-key" },
  apiKeyEnv: "ACME_API_KEY",
  headers: { "x-acme-client": "ccr" },
  transformers: [{ name: "reasoning" }, { name: "maxtoken", options: { max_tokens: 8192 } }],
  modelTransformers: { "acme-large": [{ name: "enhancetool" }] },
  models: [
    {
      id: "acme-large",
      contextWindow: 262_144,
      maxOutputTokens: 32_768,
      capabilities: { tools: true, vision: true, reasoning: true },
      pricing: { input: 1, output: 4, cacheRead: 0.1 },
    },
    {
      id: "acme-small",
      contextWindow: 65_536,
      maxOutputTokens: 8_192,
      capabilities: { tools: true, vision: false, reasoning: false },
      pricing: { input: 0.1, output: 0.4 },
    },
  ],
  alternateEndpoints: [
    {
      id: "anthropic",
      baseUrl: "https://api.acme.example/anthropic",
      protocol: "anthropic",
      description: "Anthropic-compatible",
      transformers: [],
    },
  ],
};

const providerDefinitions = { acme, local, "@someone/ccr-provider-acme": acme };

function load(entries: unknown[], env: Record<string, string> = {}, router = "acme,acme-large") {
  return normalizeConfig({ Providers: entries, Router: { default: router } }, { env, providerDefinitions });
}

describe('a "provider" entry', () => {
  it("takes endpoint, protocol, auth, headers, chains, models and their metadata from the package", () => {
    const { config, warnings } = load([{ name: "acme", provider: "acme", api_key: "sk-1" }]);
    expect(warnings).toEqual([]);
    expect(config.providers.acme).toEqual({
      name: "acme",
      baseUrl: "https://api.acme.example/v1/chat/completions",
      endpointUrl: "https://api.acme.example/v1/chat/completions",
      protocol: "openai",
      apiKey: "sk-1",
      models: ["acme-large", "acme-small"],
      transformers: [{ name: "reasoning" }, { name: "maxtoken", options: { max_tokens: 8192 } }],
      modelTransformers: { "acme-large": [{ name: "enhancetool" }] },
      extra: {},
      providerRef: "acme",
      auth: { style: "header", header: "api-key" },
      headers: { "x-acme-client": "ccr" },
      modelInfo: {
        "acme-large": {
          contextWindow: 262_144,
          maxOutputTokens: 32_768,
          tools: true,
          vision: true,
          reasoning: true,
          pricing: { input: 1, output: 4, cacheRead: 0.1 },
        },
        "acme-small": {
          contextWindow: 65_536,
          maxOutputTokens: 8_192,
          tools: true,
          vision: false,
          reasoning: false,
          pricing: { input: 0.1, output: 0.4 },
        },
      },
    });
  });

  it("defaults the name to the package id and the key to the package's variable", () => {
    const { config, warnings } = load([{ provider: "acme" }], { ACME_API_KEY: "sk-env" });
    expect(warnings).toEqual([]);
    expect(config.providers.acme?.apiKey).toBe("sk-env");
  });

  it("warns when a package that needs a key gets none, and not for one that needs none", () => {
    const { warnings } = load(
      [{ provider: "acme" }, { name: "box", provider: "local" }],
      {},
      "box,qwen3-coder:30b",
    );
    expect(warnings.map(formatIssue)).toEqual([
      'Providers[0]: no api_key and ACME_API_KEY is not set: requests to "acme" go without a key and will likely be refused; export ACME_API_KEY before starting CCR, or write "api_key" in the entry',
    ]);
  });

  it("lets every written field win", () => {
    const { config } = load(
      [
        {
          name: "mine",
          provider: "acme",
          api_base_url: "http://10.0.0.2:8000/v1",
          api_key: "sk-2",
          models: ["acme-small-2025-01-01", "other"],
          transformer: { use: ["cleancache"] },
        },
      ],
      {},
      "mine,other",
    );
    const mine = config.providers.mine!;
    expect(mine.endpointUrl).toBe("http://10.0.0.2:8000/v1/chat/completions");
    expect(mine.apiKey).toBe("sk-2");
    expect(mine.transformers).toEqual([{ name: "cleancache" }]);
    // A written transformer replaces the per-model chains too.
    expect(mine.modelTransformers).toEqual({});
    // Listed by a dated variant: still known; an unlisted model has no metadata.
    expect(Object.keys(mine.modelInfo ?? {})).toEqual(["acme-small-2025-01-01"]);
    expect(mine.modelInfo?.["acme-small-2025-01-01"]?.maxOutputTokens).toBe(8_192);
    // Same protocol as the package: its auth and headers still apply.
    expect(mine.auth).toEqual({ style: "header", header: "api-key" });
  });

  it("reads a written api_base_url like any other, unless it is one of the package's endpoints", () => {
    const { config } = load(
      [
        { name: "alt", provider: "acme", api_key: "k", api_base_url: "https://api.acme.example/anthropic" },
        {
          name: "elsewhere",
          provider: "acme",
          api_key: "k",
          api_base_url: "https://gw.example/anthropic/v1/messages",
        },
      ],
      {},
      "alt,acme-large",
    );
    const alt = config.providers.alt!;
    expect(alt.protocol).toBe("anthropic");
    expect(alt.endpointUrl).toBe("https://api.acme.example/anthropic/v1/messages");
    expect(alt.transformers).toEqual([]);
    expect(alt.modelTransformers).toEqual({});
    expect(alt.auth).toEqual({ style: "header", header: "api-key" });
    // Another protocol at an unknown URL: the package's auth and headers no longer fit it.
    const elsewhere = config.providers.elsewhere!;
    expect(elsewhere.protocol).toBe("anthropic");
    expect(elsewhere.auth).toBeUndefined();
    expect(elsewhere.headers).toBeUndefined();
    expect(elsewhere.modelInfo?.["acme-large"]?.contextWindow).toBe(262_144);
  });

  it("drops the package's per-model chains for models the entry does not list", () => {
    const { config, warnings } = load(
      [{ provider: "acme", api_key: "k", models: ["acme-small"] }],
      {},
      "acme,acme-small",
    );
    expect(config.providers.acme?.modelTransformers).toEqual({});
    expect(warnings).toEqual([]);
  });

  it("loads an npm package name the same way", () => {
    const { config } = load(
      [{ name: "ext", provider: "@someone/ccr-provider-acme", api_key: "k" }],
      {},
      "ext,acme-large",
    );
    expect(config.providers.ext?.providerRef).toBe("@someone/ccr-provider-acme");
    expect(config.providers.ext?.endpointUrl).toBe("https://api.acme.example/v1/chat/completions");
  });

  it("reports a package that could not be loaded, with the loader's reason and advice, once", () => {
    const error = catchConfigError(() =>
      normalizeConfig(
        {
          Providers: [{ name: "ds", provider: "deepsek", api_key: "k" }, { provider: 42 }],
          Router: { default: "ds,deepseek-v4-flash" },
        },
        {
          env: {},
          providerLoadFailures: {
            deepsek: {
              reason: "@ccr/provider-deepsek is not installed",
              suggestion: 'did you mean "deepseek"?',
            },
          },
        },
      ),
    );
    expect(error.issues.map(formatIssue)).toEqual([
      'Providers[0].provider: provider package "deepsek" could not be loaded: @ccr/provider-deepsek is not installed; did you mean "deepseek"?',
      'Providers[1].provider: must name a provider package (expected a provider id like "deepseek" or an npm package name; found 42)',
    ]);
  });

  it("leaves entries without a package exactly as before", () => {
    const { config } = normalizeConfig(
      {
        Providers: [{ name: "p", api_base_url: "https://x.example/v1", api_key: "k", models: ["m"] }],
        Router: { default: "p,m" },
      },
      { env: {}, providerDefinitions },
    );
    expect(Object.keys(config.providers.p!).sort()).toEqual([
      "apiKey",
      "baseUrl",
      "endpointUrl",
      "extra",
      "modelTransformers",
      "models",
      "name",
      "protocol",
      "transformers",
    ]);
  });
});
