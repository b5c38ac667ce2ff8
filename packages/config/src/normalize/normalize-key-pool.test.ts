// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings test the ${VAR} syntax itself.
import { describe, expect, it } from "vitest";
import { provider } from "../__fixtures__/test-configs.js";
import { catchConfigError } from "../__fixtures__/test-support.js";
import { describeConfig } from "../describe/describe-config.js";
import { redactSecrets } from "../describe/redact-secrets.js";
import { formatIssue } from "../issues/config-issue.js";
import type { ProviderDefaults } from "../load/provider-packages.js";
import { normalizeConfig } from "./normalize-config.js";

const env = { KEY_A: "sk-pool-secret-aaaa", KEY_B: "sk-pool-secret-bbbb", KEY_C: "sk-pool-secret-cccc" };

function load(keys: Record<string, unknown>, options: { env?: Record<string, string> } = {}) {
  const { api_key: _, ...rest } = provider("zai", ["glm-4.7"]);
  return normalizeConfig(
    { Providers: [{ ...rest, ...keys }], Router: { default: "zai,glm-4.7" } },
    { env: options.env ?? env },
  );
}

/** Every message of a failed load, one line each, for checking that no key appears in any of them. */
function errorLines(keys: Record<string, unknown>): string[] {
  return catchConfigError(() => load(keys)).issues.map(formatIssue);
}

describe("key pools", () => {
  it("reads api_key written as a list: each $VAR resolved, ids by position, the first key as apiKey", () => {
    const { config, warnings } = load({ api_key: ["$KEY_A", "${KEY_B}"] });
    expect(warnings).toEqual([]);
    expect(config.providers.zai?.keyPool).toEqual([
      { id: "zai#1", key: "sk-pool-secret-aaaa" },
      { id: "zai#2", key: "sk-pool-secret-bbbb" },
    ]);
    expect(config.providers.zai?.apiKey).toBe("sk-pool-secret-aaaa");
  });

  it("reads api_keys with per-key budgets, numbers also as strings (what a $VAR gives)", () => {
    const { config } = load(
      { api_keys: [{ key: "$KEY_A", rpm: 50, tpm: "100000" }, "$KEY_B", { key: "$KEY_C", tpm: 2000 }] },
      { env: { ...env } },
    );
    expect(config.providers.zai?.keyPool).toEqual([
      { id: "zai#1", key: "sk-pool-secret-aaaa", rpm: 50, tpm: 100_000 },
      { id: "zai#2", key: "sk-pool-secret-bbbb" },
      { id: "zai#3", key: "sk-pool-secret-cccc", tpm: 2000 },
    ]);
  });

  it("keeps a single api_key string as it was: no pool", () => {
    const { config } = load({ api_key: "$KEY_A" });
    expect(config.providers.zai?.apiKey).toBe("sk-pool-secret-aaaa");
    expect(config.providers.zai?.keyPool).toBeUndefined();
  });

  it.each([
    [{ api_key: [] }, "Providers[0].api_key: must list at least one key (found an empty list)"],
    [{ api_keys: ["$KEY_A", ""] }, "Providers[0].api_keys[1]: is empty"],
    [
      { api_keys: ["$KEY_A", "$KEY_B", "$KEY_A"] },
      "Providers[0].api_keys[2]: is the same key as Providers[0].api_keys[0]",
    ],
    [
      { api_key: "$KEY_A", api_keys: ["$KEY_B"] },
      "Providers[0].api_keys: cannot be used together with api_key",
    ],
    [
      { api_keys: [{ key: "$KEY_A", rpm: 0 }] },
      "Providers[0].api_keys[0].rpm: must be an integer greater than 0",
    ],
    [
      { api_keys: [{ key: "$KEY_A", tpm: 1.5 }] },
      "Providers[0].api_keys[0].tpm: must be an integer greater than 0",
    ],
    [
      { api_keys: [{ key: "$KEY_A", tmp: 5 }] },
      'Providers[0].api_keys[0].tmp: unknown key of a key entry (expected key, rpm, tpm); did you mean "tpm"?',
    ],
    [{ api_keys: [{ rpm: 5 }] }, "Providers[0].api_keys[0].key: is required"],
    [
      { api_keys: [12345678] },
      'Providers[0].api_keys[0]: must be a key or {"key": ..., "rpm": ..., "tpm": ...} (found a number)',
    ],
    [{ api_keys: [{ key: 12345678 }] }, "Providers[0].api_keys[0].key: must be a string (found a number)"],
    [{ api_key: 42 }, "Providers[0].api_key: must be a key, or a list of keys (found 42)"],
  ])("refuses %j", (keys, line) => {
    const lines = errorLines(keys);
    expect(lines.some((text) => text.startsWith(line))).toBe(true);
    for (const text of lines) {
      for (const secret of [...Object.values(env), "12345678"]) expect(text).not.toContain(secret);
    }
  });

  it("reports an unset variable in a pool by its path, once", () => {
    const error = catchConfigError(() => load({ api_keys: ["$KEY_A", "$KEY_MISSING"] }));
    expect(error.issues.map(formatIssue)).toEqual([
      "Providers[0].api_keys[1]: environment variable KEY_MISSING is not set; export KEY_MISSING before starting CCR, or write the value directly (use $$ for a literal $)",
    ]);
  });

  it("redactSecrets hides every key of a pool, describeConfig lists them by id only", () => {
    const { config } = load({ api_keys: [{ key: "$KEY_A", rpm: 50, tpm: 100_000 }, "$KEY_B", "$KEY_C"] });
    const text = `a ${env.KEY_A} b ${env.KEY_B} c ${env.KEY_C}`;
    expect(redactSecrets(text, config)).toBe("a *** b *** c ***");
    const described = describeConfig(config);
    expect(described).toContain("keys (3, round-robin): zai#1 (rpm 50, tpm 100,000), zai#2, zai#3");
    for (const secret of Object.values(env)) expect(described).not.toContain(secret);
  });
});

describe("key pools of provider package entries", () => {
  const acme: ProviderDefaults = {
    id: "acme",
    defaultBaseUrl: "https://api.acme.example/v1",
    protocol: "openai",
    auth: { style: "bearer" },
    apiKeyEnv: "ACME_API_KEY",
    transformers: [],
    models: [],
  };
  const loadPackage = (entry: Record<string, unknown>, packageEnv: Record<string, string>) =>
    normalizeConfig(
      { Providers: [{ provider: "acme", models: ["m"], ...entry }], Router: { default: "acme,m" } },
      { env: packageEnv, providerDefinitions: { acme } },
    );

  it("written api_keys replace the package's variable, with no warning about a missing key", () => {
    const { config, warnings } = loadPackage(
      { api_keys: ["$KEY_A", "$KEY_B"] },
      { ...env, ACME_API_KEY: "x-acme-1" },
    );
    expect(warnings).toEqual([]);
    expect(config.providers.acme?.keyPool?.map((key) => key.id)).toEqual(["acme#1", "acme#2"]);
    expect(config.providers.acme?.apiKey).toBe(env.KEY_A);
  });
});

describe("state", () => {
  const withState = (state: unknown) =>
    normalizeConfig(
      { Providers: [provider("zai", ["glm-4.7"])], Router: { default: "zai,glm-4.7" }, state },
      { env: { REDIS_PASSWORD: "hunter2-secret" } },
    );

  it('reads "state": {"redis": ...}, whose password redactSecrets hides', () => {
    const { config, warnings } = withState({ redis: "redis://:$REDIS_PASSWORD@cache:6379/2" });
    expect(warnings).toEqual([]);
    expect(config.state).toEqual({ redisUrl: "redis://:hunter2-secret@cache:6379/2" });
    expect(redactSecrets("redis://:hunter2-secret@cache:6379/2", config)).toBe("redis://:***@cache:6379/2");
    expect(describeConfig(config)).toContain("shared through redis://cache:6379/2 (state.redis)");
    expect(describeConfig(config)).not.toContain("hunter2");
  });

  it("leaves state unset without the key or with an empty redis", () => {
    expect(withState(undefined).config.state).toBeUndefined();
    expect(withState({ redis: "" }).config.state).toBeUndefined();
  });

  it("refuses a value that is not a Redis URL without repeating it, and warns about unknown keys", () => {
    const error = catchConfigError(() => withState({ redis: "hunter2-secret@cache:6379" }));
    expect(error.issues.map(formatIssue)).toEqual([
      "state.redis: must be a Redis URL (expected redis://[user:password@]host[:port][/db], or rediss://... for TLS; found another string (not shown: it may hold a password))",
    ]);
    expect(withState({ redis: "redis://cache:6379", reddis: 1 }).warnings.map(formatIssue)).toEqual([
      'state.reddis: unknown key; not used by CCR; did you mean "redis"?',
    ]);
  });
});
