import { accessSync, closeSync, constants, openSync, readSync, realpathSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { Env } from "./ccr-home.js";

/**
 * How the user can run this very CLI from their shell, for the commands CCR prints (the start banner,
 * `ccr demo`, the Claude Code status line): `ccr` when the `ccr` on PATH is this one (npm i -g, npm link,
 * scripts/install-cli.sh), else `node <absolute path of cli.js>`, which works from any folder. Another
 * `ccr` on PATH (claude-code-router installs one) is never assumed to be this one.
 */
export function cliInvocation(env: Env = process.env, cliPath: string | undefined = process.argv[1]): string {
  if (cliPath === undefined) return "ccr";
  const self = realpath(cliPath);
  const onPath = findOnPath("ccr", env.PATH ?? "");
  if (onPath !== undefined && isThisCli(onPath, self)) return "ccr";
  return `node ${shellQuote(self)}`;
}

function isThisCli(candidate: string, self: string): boolean {
  if (realpath(candidate) === self) return true;
  // A small wrapper script (scripts/install-cli.sh writes one) that runs this cli.js.
  return readHead(candidate).includes(self);
}

function findOnPath(name: string, path: string): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

function realpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function readHead(path: string): string {
  try {
    const fd = openSync(path, "r");
    try {
      const buffer = Buffer.alloc(1024);
      const read = readSync(fd, buffer, 0, buffer.length, 0);
      return buffer.subarray(0, read).toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return "";
  }
}

/** Quotes a path for a POSIX shell only when it needs it. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
