import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { builtCliPath, repoRoot } from "@ccr/testkit";
import { describe, expect, it } from "vitest";

// `ccr validate` as users run it: the built CLI on the shipped examples and the config fixtures.
const cli = builtCliPath();
const examples = join(repoRoot(), "examples");
const fixtures = join(repoRoot(), "packages", "config", "src", "__fixtures__");

function validate(file: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, "validate", "--config", file], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("ccr validate (built CLI)", () => {
  it("exits 0 on each example and prints every chain, never a key", () => {
    const keys = {
      ZAI_API_KEY: "zai-secret-4242",
      DEEPSEEK_API_KEY: "ds-secret-4242",
      MINIMAX_API_KEY: "mm-secret-4242",
    };
    for (const name of ["single-provider.jsonc", "multi-tier.jsonc", "ollama.jsonc"]) {
      const { code, stdout, stderr } = validate(join(examples, name), keys);
      expect({ name, code, stderr }).toEqual({ name, code: 0, stderr: "" });
      expect(stdout).toMatch(/^ {2}default +\S/m);
      for (const key of Object.values(keys)) expect(stdout).not.toContain(key);
    }
  });

  it("exits 0 on a claude-code-router config with transformers and options", () => {
    const env = {
      OPENROUTER_API_KEY: "o",
      DEEPSEEK_API_KEY: "d",
      GEMINI_API_KEY: "g",
      ANTHROPIC_API_KEY: "a",
    };
    const { code, stdout } = validate(join(fixtures, "claude-code-router.jsonc"), env);
    expect(code).toBe(0);
    expect(stdout).toContain("anthropic-direct  anthropic  https://api.anthropic.com/v1/messages");
  });

  it("exits 1 listing every error of an invalid file", () => {
    const { code, stderr } = validate(join(fixtures, "invalid-references.jsonc"));
    expect(code).toBe(1);
    expect(stderr).toContain("(8 problems)");
    expect(stderr).toContain('did you mean "deepseek,deepseek-chat"?');
  });

  it("exits 2 when the file cannot be read", () => {
    const { code, stderr } = validate(join(fixtures, "no-such-file.json"));
    expect(code).toBe(2);
    expect(stderr).toContain("does not exist");
  });
});
