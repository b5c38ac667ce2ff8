import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readFixture } from "../__fixtures__/test-support.js";
import { ConfigError } from "../issues/config-error.js";
import { loadConfig } from "./load-config.js";
import { resolveConfigPath } from "./resolve-config-path.js";

const dir = mkdtempSync(join(tmpdir(), "ccr-config-load-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("resolveConfigPath", () => {
  it("prefers --config, then CCR_CONFIG, then ~/.claude-code-router/config.json", () => {
    const env = { CCR_CONFIG: "/from/env.json" };
    expect(resolveConfigPath({ path: "/from/flag.json", env, homeDir: "/home/u" })).toBe("/from/flag.json");
    expect(resolveConfigPath({ env, homeDir: "/home/u" })).toBe("/from/env.json");
    expect(resolveConfigPath({ env: {}, homeDir: "/home/u" })).toBe(
      "/home/u/.claude-code-router/config.json",
    );
    expect(resolveConfigPath({ env: { CCR_CONFIG: "" }, homeDir: "/home/u" })).toBe(
      "/home/u/.claude-code-router/config.json",
    );
  });

  it("makes relative paths absolute and expands a leading ~/", () => {
    expect(resolveConfigPath({ path: "cfg.json" })).toBe(join(process.cwd(), "cfg.json"));
    expect(resolveConfigPath({ env: { CCR_CONFIG: "~/ccr.json" }, homeDir: "/home/u" })).toBe(
      "/home/u/ccr.json",
    );
  });
});

describe("loadConfig", () => {
  it("reads the default file from the home directory", async () => {
    mkdirSync(join(dir, ".claude-code-router"));
    const file = join(dir, ".claude-code-router", "config.json");
    writeFileSync(file, readFixture("seed-multi-tier.json"));
    const result = await loadConfig({ env: {}, homeDir: dir });
    expect(result.path).toBe(file);
    expect(result.config.sourcePath).toBe(file);
    expect(result.config.chains.default).toHaveLength(3);
  });

  it("reads the file CCR_CONFIG names, interpolating from the given env", async () => {
    const file = join(dir, "env.jsonc");
    writeFileSync(file, readFixture("invalid-unset-env.jsonc"));
    const result = await loadConfig({
      env: { CCR_CONFIG: file, CCR_TEST_PORT: "4000", CCR_TEST_MISSING_KEY: "sk-1" },
    });
    expect(result.config.port).toBe(4000);
    expect(result.config.providers.deepseek?.apiKey).toBe("sk-1");
  });

  it("fails with kind read and a next step when the file is missing", async () => {
    const file = join(dir, "missing.json");
    const error = await loadConfig({ path: file }).catch((e: unknown) => e);
    expect(ConfigError.isInstance(error) && error.kind).toBe("read");
    expect((error as ConfigError).message).toBe(
      `Cannot read config ${file} (1 problem):\n  - ${file} does not exist; create it (see examples/ and docs/configuration.md), or pass --config PATH or set CCR_CONFIG`,
    );
  });

  it("fails with kind read on a directory", async () => {
    const error = await loadConfig({ path: dir }).catch((e: unknown) => e);
    expect((error as ConfigError).kind).toBe("read");
    expect((error as ConfigError).issues[0]?.message).toBe(`${dir} is a directory`);
  });

  it("fails with kind parse on broken JSON, naming the file", async () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, "{ nope");
    const error = (await loadConfig({ path: file }).catch((e: unknown) => e)) as ConfigError;
    expect(error.kind).toBe("parse");
    expect(error.path).toBe(file);
  });
});
