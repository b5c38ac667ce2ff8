import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type { Env } from "./ccr-home.js";

/** Claude Code's user settings: `~/.claude/settings.json` (CLAUDE_CONFIG_DIR moves the folder). */
export function claudeSettingsPath(env: Env = process.env): string {
  const dir = env.CLAUDE_CONFIG_DIR || join(env.HOME || homedir(), ".claude");
  return join(dir, "settings.json");
}

export type StatusLineInstall =
  | { readonly outcome: "installed"; readonly path: string }
  | { readonly outcome: "unchanged"; readonly path: string }
  /** Another status line is set: left as it is unless `replace`. */
  | { readonly outcome: "kept-other"; readonly path: string; readonly existing: unknown }
  | { readonly outcome: "failed"; readonly path: string; readonly reason: string };

/**
 * Sets `statusLine: {type: "command", command}` in Claude Code's settings, keeping every other setting as
 * it is. A status line that is not CCR's is kept unless `replace`; a file that is not JSON is not touched.
 */
export function installStatusLine(options: {
  command: string;
  env?: Env;
  replace?: boolean;
}): StatusLineInstall {
  const path = claudeSettingsPath(options.env);
  let settings: Record<string, unknown> = {};
  let text: string | undefined;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      return { outcome: "failed", path, reason: (error as Error).message };
    }
  }
  if (text !== undefined && text.trim() !== "") {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
        throw new Error("not an object");
      settings = parsed as Record<string, unknown>;
    } catch (error) {
      return {
        outcome: "failed",
        path,
        reason: `it is not a JSON object (${(error as Error).message}); fix it first`,
      };
    }
  }
  const wanted = { type: "command", command: options.command };
  const existing = settings.statusLine as { type?: unknown; command?: unknown } | undefined;
  if (existing?.type === "command" && existing.command === options.command)
    return { outcome: "unchanged", path };
  const ours =
    typeof existing?.command === "string" &&
    /\bstatusline$/.test(existing.command) &&
    /ccr|cli\.js/.test(existing.command);
  if (existing !== undefined && !ours && !options.replace) return { outcome: "kept-other", path, existing };
  // Kept in place when it already was there, so a diff of the file shows one changed value.
  settings.statusLine = existing === undefined ? wanted : { ...existing, ...wanted };
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`);
    renameSync(tmp, path);
  } catch (error) {
    return { outcome: "failed", path, reason: (error as Error).message };
  }
  return { outcome: "installed", path };
}
