import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claudeSettingsPath, installStatusLine } from "./claude-settings.js";

function home(settings?: string) {
  const dir = mkdtempSync(join(tmpdir(), "ccr-claude-"));
  if (settings !== undefined) {
    mkdirSync(join(dir, ".claude"));
    writeFileSync(join(dir, ".claude", "settings.json"), settings);
  }
  return { HOME: dir };
}

const read = (env: { HOME: string }) => JSON.parse(readFileSync(claudeSettingsPath(env), "utf8"));

describe("installStatusLine", () => {
  it("creates the settings file when there is none", () => {
    const env = home();
    expect(installStatusLine({ command: "ccr statusline", env }).outcome).toBe("installed");
    expect(read(env)).toEqual({ statusLine: { type: "command", command: "ccr statusline" } });
  });

  it("merges into existing settings without touching the others", () => {
    const env = home(JSON.stringify({ model: "opus", permissions: { allow: ["Bash(ls)"] } }));
    expect(installStatusLine({ command: "ccr statusline", env }).outcome).toBe("installed");
    expect(read(env)).toEqual({
      model: "opus",
      permissions: { allow: ["Bash(ls)"] },
      statusLine: { type: "command", command: "ccr statusline" },
    });
    expect(installStatusLine({ command: "ccr statusline", env }).outcome).toBe("unchanged");
  });

  it("keeps another tool's status line unless told to replace it, and updates its own", () => {
    const env = home(
      JSON.stringify({ statusLine: { type: "command", command: "~/.claude/mine.sh", padding: 0 } }),
    );
    const kept = installStatusLine({ command: "ccr statusline", env });
    expect(kept).toMatchObject({ outcome: "kept-other", existing: { command: "~/.claude/mine.sh" } });
    expect(read(env).statusLine.command).toBe("~/.claude/mine.sh");
    expect(installStatusLine({ command: "ccr statusline", env, replace: true }).outcome).toBe("installed");
    expect(read(env).statusLine).toEqual({ type: "command", command: "ccr statusline", padding: 0 });
    // An older spelling of CCR's own command is updated without --force.
    expect(installStatusLine({ command: "node /opt/ccr/cli.js statusline", env }).outcome).toBe("installed");
  });

  it("never rewrites a file that is not JSON", () => {
    const env = home("{ not json");
    const result = installStatusLine({ command: "ccr statusline", env });
    expect(result.outcome).toBe("failed");
    expect(readFileSync(claudeSettingsPath(env), "utf8")).toBe("{ not json");
  });

  it("follows CLAUDE_CONFIG_DIR", () => {
    expect(claudeSettingsPath({ HOME: "/h", CLAUDE_CONFIG_DIR: "/c" })).toBe("/c/settings.json");
    expect(claudeSettingsPath({ HOME: "/h" })).toBe("/h/.claude/settings.json");
  });
});
