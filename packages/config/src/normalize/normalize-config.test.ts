// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings test the ${VAR} syntax itself.
import { describe, expect, it } from "vitest";
import { provider, seedProviders } from "../__fixtures__/test-configs.js";
import { catchConfigError, readFixture } from "../__fixtures__/test-support.js";
import { ConfigError } from "../issues/config-error.js";
import { parseConfigText } from "../load/parse-config-text.js";
import { normalizeConfig } from "./normalize-config.js";

const minimal = { Providers: [provider("zai", ["glm-4.7"])], Router: { default: "zai,glm-4.7" } };

describe("the seed README's configs", () => {
  it("loads the minimal single-provider config", () => {
    const { config, warnings } = parseConfigText(readFixture("seed-single-provider.json"), { env: {} });
    expect(warnings).toEqual([]);
    expect(config.providers.deepseek).toMatchObject({
      protocol: "openai",
      endpointUrl: "https://api.deepseek.com/v1/chat/completions",
      transformers: [{ name: "anthropic" }],
    });
    expect(config.chains.default.map((tier) => tier.id)).toEqual(["deepseek,deepseek-chat"]);
  });

  it("loads the multi-tier config: zai → deepseek → minimax", () => {
    const { config, warnings } = parseConfigText(readFixture("seed-multi-tier.json"), { env: {} });
    expect(warnings).toEqual([]);
    expect(config.chains.default.map((tier) => tier.id)).toEqual([
      "zai,glm-4.7",
      "deepseek,deepseek-reasoner",
      "minimax,MiniMax-M2.1",
    ]);
    expect(config.router.longContextThreshold).toBe(60_000);
    // The seed lists "anthropic" on OpenAI-compatible providers: the URL decides, the name is kept as a marker.
    expect(config.providers.zai?.protocol).toBe("openai");
    expect(config.providers.deepseek?.transformers.map((spec) => spec.name)).toEqual([
      "anthropic",
      "deepseek",
    ]);
  });

  it("loads the retry configuration", () => {
    const { config } = parseConfigText(readFixture("seed-retries.json"), { env: {} });
    expect(
      config.chains.default.map((tier) => [tier.id, tier.retry.maxRetries, tier.retry.baseBackoffMs]),
    ).toEqual([
      ["zai,glm-4.7", 5, 50],
      ["deepseek,deepseek-chat", 3, 100],
    ]);
  });
});

describe("a claude-code-router config with transformers and options", () => {
  const env = {
    OPENROUTER_API_KEY: "sk-or-v1-abcdef",
    DEEPSEEK_API_KEY: "sk-deepseek-abcdef",
    GEMINI_API_KEY: "gemini-key-abcdef",
    ANTHROPIC_API_KEY: "sk-ant-abcdef",
    HOME: "/home/user",
  };
  const { config, warnings } = parseConfigText(readFixture("claude-code-router.jsonc"), {
    env,
    sourcePath: "/home/user/.claude-code-router/config.json",
  });

  it("normalizes to the expected object", () => {
    expect(config).toMatchSnapshot();
  });

  it("keeps unknown top-level keys and warns about them", () => {
    expect(config.extra).toEqual({ CLAUDE_PATH: "" });
    expect(warnings).toEqual([
      { path: "CLAUDE_PATH", message: "unknown key; kept as written, not used by CCR" },
    ]);
  });

  it("reads string numbers and treats empty optional settings as unset", () => {
    expect(config.apiTimeoutMs).toBe(600_000);
    expect(config.apiKey).toBeUndefined();
    expect(config.proxyUrl).toBeUndefined();
    expect(config.providers.modelscope?.apiKey).toBeUndefined();
  });

  it("keeps transformer options and per-model transformers", () => {
    expect(config.providers.openrouter?.transformers).toEqual([
      { name: "openrouter", options: { provider: { only: ["moonshotai/fp8"] } } },
    ]);
    expect(config.providers.deepseek?.modelTransformers).toEqual({ "deepseek-chat": [{ name: "tooluse" }] });
    expect(config.providers.modelscope?.transformers).toEqual([
      { name: "maxtoken", options: { max_tokens: 65536 } },
      { name: "enhancetool" },
    ]);
  });

  it("speaks Anthropic to a /messages URL, whatever the transformers say", () => {
    expect(config.providers["anthropic-direct"]).toMatchObject({
      protocol: "anthropic",
      endpointUrl: "https://api.anthropic.com/v1/messages",
    });
  });

  it("expands ~ in custom transformer paths", () => {
    expect(config.customTransformers).toEqual([
      { path: "/home/user/.claude-code-router/plugins/gemini-cli.js", options: { project: "x" } },
    ]);
  });
});

describe("normalizeConfig", () => {
  it("applies the defaults", () => {
    const { config } = normalizeConfig(minimal, { env: {} });
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 3456,
      log: false,
      logLevel: "info",
      apiTimeoutMs: 600_000,
      nonInteractiveMode: false,
      customTransformers: [],
      presets: {},
      extra: {},
    });
    expect(config.router.longContextThreshold).toBe(60_000);
  });

  it("reads every top-level setting", () => {
    const { config } = normalizeConfig(
      {
        ...minimal,
        HOST: "0.0.0.0",
        PORT: "8080",
        APIKEY: "client-secret-1",
        LOG: "true",
        LOG_LEVEL: "debug",
        API_TIMEOUT_MS: 1000,
        PROXY_URL: "http://proxy:3128",
        NON_INTERACTIVE_MODE: true,
        CUSTOM_ROUTER_PATH: "router.js",
      },
      { env: {}, sourcePath: "/etc/ccr/config.json" },
    );
    expect(config).toMatchObject({
      host: "0.0.0.0",
      port: 8080,
      apiKey: "client-secret-1",
      log: true,
      logLevel: "debug",
      apiTimeoutMs: 1000,
      proxyUrl: "http://proxy:3128",
      nonInteractiveMode: true,
      customRouterPath: "/etc/ccr/router.js",
      sourcePath: "/etc/ccr/config.json",
    });
  });

  it("returns a deeply frozen config", () => {
    const { config } = normalizeConfig(
      { ...minimal, Presets: { p: { route: "zai,glm-4.7", max_tokens: 5 } } },
      { env: {} },
    );
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.providers.zai?.models)).toBe(true);
    expect(Object.isFrozen(config.chains.default[0]?.retry)).toBe(true);
    expect(Object.isFrozen(config.presets.p?.overrides)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it("accepts claude-code-router's lowercase providers, and prefers Providers when both are set", () => {
    expect(
      normalizeConfig({ providers: minimal.Providers, Router: minimal.Router }, { env: {} }).warnings,
    ).toEqual([]);
    const both = normalizeConfig({ ...minimal, providers: [] }, { env: {} });
    expect(Object.keys(both.config.providers)).toEqual(["zai"]);
    expect(both.warnings).toEqual([
      { path: "providers", message: "ignored: Providers is also set and wins" },
    ]);
  });

  it('treats routes saved as "" by claude-code-router\'s UI as not set', () => {
    const { config, warnings } = normalizeConfig(
      {
        ...minimal,
        Router: {
          default: "zai,glm-4.7",
          background: "",
          think: "",
          longContext: " ",
          webSearch: "",
          image: "",
        },
        Presets: { p: { route: "" } },
      },
      { env: {} },
    );
    expect(warnings).toEqual([]);
    expect(config.router).toEqual({
      default: { provider: "zai", model: "glm-4.7", id: "zai,glm-4.7" },
      longContextThreshold: 60_000,
    });
    expect(config.presets.p).toEqual({ name: "p", overrides: {} });
  });

  it("honours an explicit protocol over the URL rule", () => {
    const { config } = normalizeConfig(
      {
        Providers: [
          provider("kimi", ["k2"], { api_base_url: "https://api.moonshot.ai/v1", protocol: "anthropic" }),
        ],
        Router: { default: "kimi,k2" },
      },
      { env: {} },
    );
    expect(config.providers.kimi).toMatchObject({
      protocol: "anthropic",
      endpointUrl: "https://api.moonshot.ai/v1/messages",
    });
  });

  it("interpolates environment variables in any string", () => {
    const { config } = normalizeConfig(
      {
        Providers: [
          provider("zai", ["$MODEL"], { api_key: "${ZAI_KEY}", api_base_url: "https://$HOST_NAME/v4" }),
        ],
        Router: { default: "zai,${MODEL}" },
      },
      { env: { MODEL: "glm-4.7", ZAI_KEY: "k-123", HOST_NAME: "api.z.ai" } },
    );
    expect(config.providers.zai).toMatchObject({
      apiKey: "k-123",
      models: ["glm-4.7"],
      endpointUrl: "https://api.z.ai/v4/chat/completions",
    });
    expect(config.router.default.id).toBe("zai,glm-4.7");
  });

  it("keeps presets with their route and overrides", () => {
    const { config } = normalizeConfig(
      { ...minimal, Presets: { fast: { route: "zai,glm-4.7", max_tokens: 2048 }, cold: { temperature: 0 } } },
      { env: {} },
    );
    expect(config.presets).toEqual({
      fast: {
        name: "fast",
        route: { provider: "zai", model: "glm-4.7", id: "zai,glm-4.7" },
        overrides: { max_tokens: 2048 },
      },
      cold: { name: "cold", overrides: { temperature: 0 } },
    });
  });

  it("warns about what it ignores, with the likely intended key", () => {
    const { warnings, config } = normalizeConfig(
      {
        ...minimal,
        Providers: [
          provider("zai", ["glm-4.7"], { modles: ["x"], transformer: { "glm-4.6": { use: ["x"] } } }),
        ],
        Router: { ...minimal.Router, thinkk: "zai,glm-4.7", tierRetries: { "*": { max_retrys: 1 } } },
        fallback: { defualt: ["zai,glm-4.7"] },
        PROT: 1,
      },
      { env: {} },
    );
    expect(warnings.map((w) => [w.path, w.suggestion])).toEqual([
      ["Providers[0].modles", 'did you mean "models"?'],
      ['Providers[0].transformer["glm-4.6"]', 'did you mean "glm-4.7"?'],
      ["Router.thinkk", 'did you mean "think"?'],
      ['Router.tierRetries["*"].max_retrys', 'did you mean "max_retries"?'],
      ["fallback.defualt", 'did you mean "default"?'],
      ["PROT", 'did you mean "PORT"?'],
    ]);
    expect(config.providers.zai?.extra).toEqual({ modles: ["x"] });
    expect(config.extra).toEqual({ PROT: 1 });
  });

  it("listens on loopback only, with a warning, when HOST goes beyond it without APIKEY", () => {
    for (const APIKEY of [undefined, ""]) {
      const { config, warnings } = normalizeConfig({ ...minimal, HOST: "0.0.0.0", APIKEY }, { env: {} });
      expect(config.host).toBe("127.0.0.1");
      expect(warnings).toEqual([
        {
          path: "HOST",
          message:
            "0.0.0.0 ignored: without APIKEY, CCR listens on 127.0.0.1 only, so no one else on the network can use your provider keys",
          suggestion: "set APIKEY to accept other machines",
        },
      ]);
    }
    const { config, warnings } = normalizeConfig(
      { ...minimal, HOST: "0.0.0.0", APIKEY: "k-1234" },
      { env: {} },
    );
    expect(config.host).toBe("0.0.0.0");
    expect(warnings).toEqual([]);
  });

  it("rejects a config that is not an object", () => {
    const error = catchConfigError(() => normalizeConfig([1], { env: {} }));
    expect(error.message).toBe(
      "Invalid config (1 problem):\n  - the config must be a JSON object (expected an object; found a list of 1)",
    );
  });

  it("requires Providers and Router", () => {
    const error = catchConfigError(() => normalizeConfig({}, { env: {} }));
    expect(error.issues.map((issue) => issue.path)).toEqual(["Providers", "Router"]);
  });

  it("carries the warnings of a file that fails", () => {
    const error = catchConfigError(() =>
      normalizeConfig({ Providers: seedProviders, Router: { default: "zai,nope" }, EXTRA: 1 }, { env: {} }),
    );
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error.warnings.map((warning) => warning.path)).toEqual(["EXTRA"]);
  });
});
