import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { builtCliPath } from "@ccr/testkit";
import { describe, expect, it } from "vitest";
import { configVariables, repoPath } from "./repo-files.js";

// The example configs the deployments mount must load as they are, with only their variables set.

const run = promisify(execFile);
const configs = [
  repoPath("deploy", "compose", "config", "config.jsonc"),
  repoPath("deploy", "kubernetes", "config.jsonc"),
];

async function ccr(args: string[], env: Record<string, string>) {
  const home = mkdtempSync(join(tmpdir(), "ccr-deploy-config-"));
  try {
    const { stdout, stderr } = await run(process.execPath, [builtCliPath(), ...args], {
      env: { ...process.env, HOME: home, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe.each(configs.map((path) => [path.slice(repoPath().length + 1), path]))("%s", (_name, path) => {
  const variables = configVariables(readFileSync(path, "utf8"));
  const env = Object.fromEntries(variables.map((name) => [name, `test-${name.toLowerCase()}`]));

  it("is valid, with no warning, once its variables are set", async () => {
    const result = await ccr(["validate", "--config", path], env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Config is valid.");
    expect(result.stdout).not.toMatch(/warning/i);
    expect(result.stdout).toContain("client key required");
  });

  it("keeps the proxy from listening on 0.0.0.0 when APIKEY is empty", async () => {
    const result = await ccr(["start", "--config", path, "--host", "0.0.0.0", "--port", "0"], {
      ...env,
      APIKEY: "",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("refusing to listen on 0.0.0.0 without an APIKEY");
  });
});
