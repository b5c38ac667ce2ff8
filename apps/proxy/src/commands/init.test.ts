import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@ccr/config";
import { describe, expect, it } from "vitest";
import { loadProviderPackages } from "../runtime/provider-packages.js";
import type { CommandIo } from "./command-io.js";
import { initCommand } from "./init.js";

function captureIo(env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const home = mkdtempSync(join(tmpdir(), "ccr-init-"));
  const io: CommandIo = {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    env: { HOME: home, PATH: "", ...env },
  };
  return { io, home, out: () => out, err: () => err };
}

describe("ccr init", () => {
  it("writes the default config from --provider flags, in order, and validates it without the keys", async () => {
    const { io, home, out, err } = captureIo();
    expect(await initCommand({ provider: ["deepseek,deepseek-v4-pro", "zai"], tty: false }, io)).toBe(0);
    const path = join(home, ".claude-code-router", "config.json");
    expect(out()).toContain(`Wrote ${path}`);
    expect(out()).toContain("Config is valid.");
    expect(out()).toContain(
      "Not set in this shell yet (export them before ccr start): DEEPSEEK_API_KEY, ZAI_API_KEY",
    );
    expect(out()).toContain("export DEEPSEEK_API_KEY=...");
    expect(err()).toBe("");
    const { config } = await loadConfig({
      path,
      env: { DEEPSEEK_API_KEY: "d", ZAI_API_KEY: "z" },
      loadProviders: loadProviderPackages,
    });
    expect(config.chains.default[0]!.id).toBe("deepseek,deepseek-v4-pro");
    expect(config.chains.default[1]!.provider).toBe("zai");
  });

  it("refuses to overwrite a file without --force, and keeps the old one as .bak with it", async () => {
    const { io, home, err } = captureIo();
    const path = join(home, "mine.jsonc");
    writeFileSync(path, '{ "mine": true }');
    expect(await initCommand({ config: path, provider: ["ollama"], tty: false }, io)).toBe(1);
    expect(err()).toContain(`${path} exists: not overwritten. Pass --force`);
    expect(readFileSync(path, "utf8")).toBe('{ "mine": true }');
    expect(await initCommand({ config: path, provider: ["ollama"], force: true, tty: false }, io)).toBe(0);
    expect(readFileSync(`${path}.bak`, "utf8")).toBe('{ "mine": true }');
    expect(readFileSync(path, "utf8")).toContain('"provider": "ollama"');
  });

  it("names a wrong provider or model with the choices, and exits 2", async () => {
    const { io, err } = captureIo();
    expect(await initCommand({ provider: ["deepsek"], tty: false }, io)).toBe(2);
    expect(err()).toMatch(
      /no provider package "deepsek"; did you mean "deepseek"\? \(one of anthropic, deepseek,/,
    );
    expect(await initCommand({ provider: ["zai,glm-0"], tty: false }, io)).toBe(2);
    expect(err()).toContain('zai has no model "glm-0" (known: ');
    expect(await initCommand({ provider: ["zai", "zai"], tty: false }, io)).toBe(2);
    expect(err()).toContain("zai is given twice");
  });

  it("without a terminal and without --provider, says how to name providers", async () => {
    const { io, home, err } = captureIo();
    expect(await initCommand({ tty: false }, io)).toBe(2);
    expect(err()).toContain("no provider given: pass --provider for each tier");
    expect(existsSync(join(home, ".claude-code-router", "config.json"))).toBe(false);
  });

  it("installs the status line in Claude Code's settings with --statusline, keeping other settings", async () => {
    const { io, home, out } = captureIo({ DEEPSEEK_API_KEY: "set" });
    const settings = join(home, ".claude", "settings.json");
    await import("node:fs").then((fs) => fs.mkdirSync(join(home, ".claude")));
    writeFileSync(settings, JSON.stringify({ model: "opus" }));
    expect(await initCommand({ provider: ["deepseek"], statusline: true, tty: false }, io)).toBe(0);
    expect(out()).toContain("Claude Code's status line now shows CCR");
    expect(out()).not.toContain("export DEEPSEEK_API_KEY");
    const written = JSON.parse(readFileSync(settings, "utf8"));
    expect(written.model).toBe("opus");
    expect(written.statusLine).toEqual({ type: "command", command: expect.stringMatching(/ statusline$/) });
  });
});
