import { describe, expect, it } from "vitest";
import { catchConfigError, readFixture } from "./__fixtures__/test-support.js";
import { parseConfigText } from "./load/parse-config-text.js";

// Each invalid fixture with the exact message a user sees: every problem at once, with its path,
// what was expected, what was found, and a suggestion where one is likely.
const load = (name: string, env: Record<string, string> = {}) =>
  catchConfigError(() => parseConfigText(readFixture(name), { env, sourcePath: `/cfg/${name}` }));

describe("invalid config files", () => {
  it("reports unknown providers and models with suggestions", () => {
    const error = load("invalid-references.jsonc");
    expect(error.kind).toBe("invalid");
    expect(error.message).toMatchInlineSnapshot(`
      "Invalid config /cfg/invalid-references.jsonc (8 problems):
        - Router.tierRetries.tier-0.max_retries: must be an integer ≥ 0 (found -1)
        - Router.default: names an unknown provider "deepsek" (expected one of the providers "zai", "deepseek"; found "deepsek,deepseek-chat"); did you mean "deepseek,deepseek-chat"?
        - Router.think: names a model that provider "deepseek" does not list (expected one of "deepseek-chat", "deepseek-reasoner"; found "deepseek,deepseek-reasonr"); did you mean "deepseek,deepseek-reasoner"?
        - Router.longContext: must name a tier as "provider,model" (found "deepseek"); did you mean "deepseek,deepseek-chat"?
        - Router.webSearch: names a model that provider "zai" does not list (expected one of "glm-4.7"; found "zai,deepseek-chat"); did you mean "deepseek,deepseek-chat"?
        - Router.tiers[1]: names an unknown provider "openai" (expected one of the providers "zai", "deepseek"; found "openai,gpt-4o")
        - fallback.think[0]: names a model that provider "zai" does not list (expected one of "glm-4.7"; found "zai,glm4.7"); did you mean "zai,glm-4.7"?
        - Presets.fast.route: names an unknown provider "zia" (expected one of the providers "zai", "deepseek"; found "zia,glm-4.7"); did you mean "zai,glm-4.7"?"
    `);
  });

  it("reports tierRetries keys that match no tier", () => {
    expect(load("invalid-tier-retries.jsonc").message).toMatchInlineSnapshot(`
      "Invalid config /cfg/invalid-tier-retries.jsonc (5 problems):
        - Router.tierRetries.tier-x.backoff_multiplier: must be a number ≥ 1 (found 0.5)
        - Router.tierRetries.tier-2: matches no tier: the longest chain has 2 tiers (expected "tier-0" to "tier-1"; found "tier-2")
        - Router.tierRetries.deepsek: matches no tier (expected "*", "tier-0" to "tier-1", a provider name or "provider,model"; found "deepsek"); did you mean "deepseek"?
        - Router.tierRetries["zai,glm-5"]: matches no tier: it names a model that provider "zai" does not list (expected one of "glm-4.7"; found "zai,glm-5"); add "glm-5" to the models of provider "zai"
        - Router.tierRetries.tier-x: matches no tier (expected "*", "tier-0" to "tier-1", a provider name or "provider,model"; found "tier-x"); did you mean "tier-0"?"
    `);
  });

  it("reports every wrong type and missing key in one run", () => {
    expect(load("invalid-shapes.jsonc").message).toMatchInlineSnapshot(`
      "Invalid config /cfg/invalid-shapes.jsonc (15 problems):
        - PORT: must be an integer ≥ 0 and ≤ 65535 (found "three thousand")
        - LOG: must be true or false (found "yes")
        - LOG_LEVEL: must be one of "fatal", "error", "warn", "info", "debug", "trace" (found "verbose")
        - API_TIMEOUT_MS: must be an integer greater than 0 (found 0)
        - transformers[0].path: is required
        - Providers[0].api_base_url: must be an http(s) URL (found "api.example.com")
        - Providers[0].models: must list at least one model (found an empty list)
        - Providers[1].name: must not contain a comma (it separates "provider,model") (found "a,b")
        - Providers[1].transformer.use[0]: must be a transformer name or ["name", {options}] (found 42)
        - Providers[1].transformer.use[1]: must be a transformer name or ["name", {options}] (found a list of 2)
        - Providers[1].protocol: must be one of "openai", "anthropic" (found "grpc")
        - Providers[2]: must be an object (found "not-a-provider")
        - Router.default: is required
        - Router.longContextThreshold: must be an integer greater than 0 (found "soon")
        - Presets.p: must be an object (found 7)"
    `);
  });

  it("names each unset environment variable and where it is used", () => {
    const error = load("invalid-unset-env.jsonc");
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "message": "environment variable CCR_TEST_PORT is not set",
          "path": "PORT",
          "suggestion": "export CCR_TEST_PORT before starting CCR, or write the value directly (use $$ for a literal $)",
        },
        {
          "message": "environment variable CCR_TEST_MISSING_KEY is not set",
          "path": "Providers[0].api_key",
          "suggestion": "export CCR_TEST_MISSING_KEY before starting CCR, or write the value directly (use $$ for a literal $)",
        },
      ]
    `);
  });

  it("reports JSON syntax errors with line and column", () => {
    const error = load("invalid-syntax.jsonc");
    expect(error.kind).toBe("parse");
    expect(error.message).toMatchInlineSnapshot(`
      "Config is not valid JSON /cfg/invalid-syntax.jsonc (2 problems):
        - line 3, column 26: expected comma
        - line 6, column 1: expected close brace"
    `);
  });

  it("rejects two providers with one name", () => {
    expect(load("invalid-duplicate-provider.json").message).toMatchInlineSnapshot(`
      "Invalid config /cfg/invalid-duplicate-provider.json (1 problem):
        - Providers[1].name: duplicates the name of Providers[0] (expected a unique provider name; found "deepseek")"
    `);
  });
});
