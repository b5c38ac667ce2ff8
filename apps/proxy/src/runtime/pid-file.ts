import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ccrHomeDir, type Env } from "./ccr-home.js";

/** What a running proxy records about itself, so `stop`, `status` and `code` can find it. */
export interface PidInfo {
  readonly pid: number;
  readonly host: string;
  readonly port: number;
  /** Epoch ms. */
  readonly startedAt: number;
  readonly version: string;
}

export function pidFilePath(env: Env = process.env): string {
  return join(ccrHomeDir(env), "ccr.pid");
}

/** Writes atomically (temp file + rename) so a concurrent reader never sees half a file. */
export function writePidFile(info: PidInfo, path: string = pidFilePath()): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(info)}\n`);
  renameSync(tmp, path);
}

/**
 * The recorded proxy, or undefined when there is no readable pid file. A bare number (the format
 * of older tools) is accepted with the default address.
 */
export function readPidFile(path: string = pidFilePath()): PidInfo | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch {
    return undefined;
  }
  if (/^\d+$/.test(text)) {
    return { pid: Number(text), host: "127.0.0.1", port: 3456, startedAt: 0, version: "unknown" };
  }
  try {
    const value = JSON.parse(text) as Partial<PidInfo>;
    if (typeof value.pid !== "number" || typeof value.port !== "number") return undefined;
    return {
      pid: value.pid,
      host: typeof value.host === "string" ? value.host : "127.0.0.1",
      port: value.port,
      startedAt: typeof value.startedAt === "number" ? value.startedAt : 0,
      version: typeof value.version === "string" ? value.version : "unknown",
    };
  } catch {
    return undefined;
  }
}

/** Removes the pid file only if it still names `pid`, so a stopping proxy never deletes its successor's. */
export function removePidFile(pid: number, path: string = pidFilePath()): void {
  const current = readPidFile(path);
  if (current && current.pid !== pid) return;
  rmSync(path, { force: true });
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The recorded proxy when its process is still alive; a stale pid file is ignored. */
export function runningProxy(path: string = pidFilePath()): PidInfo | undefined {
  const info = readPidFile(path);
  return info && isProcessAlive(info.pid) ? info : undefined;
}
