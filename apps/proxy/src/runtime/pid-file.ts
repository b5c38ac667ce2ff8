import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
  /** The config file it runs on; absent for `ccr demo`. */
  readonly configPath?: string;
  /** Set by `ccr demo`, whose tiers are built in. */
  readonly demo?: boolean;
}

const PID_FILE = /^ccr-(\d+)\.pid$/;

/**
 * One pid file per port, so several proxies (another config, `ccr demo`) run side by side from the
 * same HOME, each found by its port.
 */
export function pidFilePath(env: Env, port: number): string {
  return join(ccrHomeDir(env), `ccr-${port}.pid`);
}

/** Writes atomically (temp file + rename) so a concurrent reader never sees half a file. */
export function writePidFile(info: PidInfo, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(info)}\n`);
  renameSync(tmp, path);
}

/** The recorded proxy, or undefined when there is no readable pid file. */
export function readPidFile(path: string): PidInfo | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch {
    return undefined;
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
      ...(typeof value.configPath === "string" && { configPath: value.configPath }),
      ...(value.demo === true && { demo: true }),
    };
  } catch {
    return undefined;
  }
}

/** Removes the pid file only if it still names `pid`, so a stopping proxy never deletes its successor's. */
export function removePidFile(pid: number, path: string): void {
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

/** Every recorded proxy whose process is still alive, by port; stale pid files are ignored. */
export function runningProxies(env: Env): PidInfo[] {
  let names: string[];
  try {
    names = readdirSync(ccrHomeDir(env));
  } catch {
    return [];
  }
  return names
    .filter((name) => PID_FILE.test(name))
    .flatMap((name) => readPidFile(join(ccrHomeDir(env), name)) ?? [])
    .filter((info) => isProcessAlive(info.pid))
    .sort((a, b) => a.port - b.port);
}
