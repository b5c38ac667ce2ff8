import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateCommand } from "./validate.js";

const repo = join(__dirname, "..", "..", "..", "..");
const example = (name: string) => join(repo, "examples", name);
const dir = mkdtempSync(join(tmpdir(), "ccr-validate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function validate(
  config: string | undefined,
  env: Record<string, string> = {},
  options: { allowUnsetVariables?: boolean } = {},
) {
  let stdout = "";
  let stderr = "";
  const code = await validateCommand(config === undefined ? options : { config, ...options }, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
  });
  return { code, stdout, stderr };
}

const keys = {
  ZAI_API_KEY: "zai-secret-111111",
  DEEPSEEK_API_KEY: "ds-secret-222222",
  MINIMAX_API_KEY: "mm-secret-333333",
};

describe("ccr validate", () => {
  it("prints providers, models and every scenario's chain for a valid file, and exits 0", async () => {
    const { code, stdout, stderr } = await validate(example("multi-tier.jsonc"), keys);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain("zai  openai  https://api.z.ai/api/coding/paas/v4/chat/completions");
    expect(stdout).toContain("models: deepseek-chat, deepseek-reasoner");
    for (const scenario of ["default", "background", "think", "longContext", "webSearch", "image"]) {
      expect(stdout).toMatch(new RegExp(`^  ${scenario} +\\S`, "m"));
    }
    expect(stdout).toContain("minimax,MiniMax-M2.1 [3 retries");
    expect(stdout.trimEnd().endsWith("Config is valid.")).toBe(true);
  });

  it("never prints an API key", async () => {
    const { stdout } = await validate(example("multi-tier.jsonc"), keys);
    for (const key of Object.values(keys)) expect(stdout).not.toContain(key);
  });

  it("lists a key pool by key ids with their budgets, and the Redis host, never a key or password", async () => {
    const file = join(dir, "pool.json");
    writeFileSync(
      file,
      JSON.stringify({
        Providers: [
          {
            name: "zai",
            api_base_url: "https://api.z.ai/api/paas/v4",
            api_keys: [{ key: "$ZAI_KEY_A", rpm: 50, tpm: 100_000 }, "$ZAI_KEY_B"],
            models: ["glm-4.6"],
          },
        ],
        Router: { default: "zai,glm-4.6" },
        state: { redis: "redis://:$REDIS_PASSWORD@cache:6379" },
      }),
    );
    const env = {
      ZAI_KEY_A: "zai-pool-secret-aaaa",
      ZAI_KEY_B: "zai-pool-secret-bbbb",
      REDIS_PASSWORD: "redis-pass-cccc",
    };
    const { code, stdout } = await validate(file, env);
    expect(code).toBe(0);
    expect(stdout).toContain("keys (2, round-robin): zai#1 (rpm 50, tpm 100,000), zai#2");
    expect(stdout).toContain("Tier and key health shared through redis://cache:6379 (state.redis)");
    for (const secret of Object.values(env)) expect(stdout).not.toContain(secret);
  });

  it("finds the file through CCR_CONFIG", async () => {
    const { code, stdout } = await validate(undefined, { CCR_CONFIG: example("ollama.jsonc") });
    expect(code).toBe(0);
    expect(stdout).toContain("ollama  openai  http://127.0.0.1:11434/v1/chat/completions");
  });

  it("lists every error and the warnings, and exits 1, for an invalid file", async () => {
    const file = join(dir, "invalid.json");
    const text = readFileSync(example("ollama.jsonc"), "utf8")
      .replace('"default": "ollama,qwen2.5-coder:7b"', '"default": "olama,qwen2.5-coder:7b"')
      .replace('"API_TIMEOUT_MS": 900000', '"API_TIMEOUT_MS": "soon", "PORTT": 1');
    writeFileSync(file, text);
    const { code, stdout, stderr } = await validate(file);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      [
        `Invalid config ${file} (2 problems):`,
        '  - API_TIMEOUT_MS: must be an integer greater than 0 (found "soon")',
        '  - Router.default: names an unknown provider "olama" (expected one of the providers "ollama"; found "olama,qwen2.5-coder:7b"); did you mean "ollama,qwen2.5-coder:7b"?',
        "",
        "Warnings (1):",
        '  - PORTT: unknown key; kept as written, not used by CCR; did you mean "PORT"?',
        "",
      ].join("\n"),
    );
  });

  it("exits 1 on a file that is not JSON", async () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, "{");
    const { code, stderr } = await validate(file);
    expect(code).toBe(1);
    expect(stderr).toContain("Config is not valid JSON");
  });

  it("names an unset variable, and exits 1", async () => {
    const { code, stderr } = await validate(example("single-provider.jsonc"));
    expect(code).toBe(1);
    expect(stderr).toContain("Providers[0].api_key: environment variable DEEPSEEK_API_KEY is not set");
  });

  it("with allowUnsetVariables (ccr init), lists the unset variables instead of failing", async () => {
    const { code, stdout, stderr } = await validate(
      example("multi-tier.jsonc"),
      { ZAI_API_KEY: "z" },
      { allowUnsetVariables: true },
    );
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain(
      "Not set in this shell yet (export them before ccr start): DEEPSEEK_API_KEY, MINIMAX_API_KEY",
    );
    expect(stdout).not.toContain("unset-");
    expect(stdout.trimEnd().endsWith("Config is valid.")).toBe(true);
    // Real errors still fail.
    const file = join(dir, "typo.json");
    writeFileSync(file, JSON.stringify({ Providers: [], Router: { default: "x,y" }, APIKEY: "$NOPE" }));
    const invalid = await validate(file, {}, { allowUnsetVariables: true });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("Router.default");
  });

  it("exits 2 when the file cannot be read", async () => {
    const file = join(dir, "missing.json");
    const { code, stderr } = await validate(file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file} does not exist`);
  });
});
