import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { isLoopbackHost } from "../runtime/is-loopback-host.js";
import { isProcessAlive, pidFilePath, removePidFile } from "../runtime/pid-file.js";
import { fetchHealth } from "../runtime/proxy-health.js";
import { type CommandIo, processIo } from "./command-io.js";
import {
  AmbiguousProxyError,
  type ProxyTarget,
  type ProxyTargetOptions,
  resolveProxyTarget,
} from "./proxy-target.js";

export interface StopOptions extends ProxyTargetOptions {
  /** How long to wait for the graceful shutdown before SIGKILL. Default 15 s. */
  timeoutMs?: number;
}

/**
 * `ccr stop`: SIGTERM to the proxy found as `ccr status` finds it, then wait for it to exit. The pid comes
 * from the proxy itself (`/health`), so a proxy whose pid file is gone is still stopped, and a pid file
 * naming a process that is not a proxy (a reused pid) is never obeyed. Exit 1 when none is running.
 */
export async function stopCommand(options: StopOptions = {}, io: CommandIo = processIo): Promise<number> {
  let target: ProxyTarget;
  try {
    target = resolveProxyTarget(options, io.env);
  } catch (error) {
    if (!(error instanceof AmbiguousProxyError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  }
  const health = await fetchHealth(target.url);
  const pidPath = pidFilePath(io.env, target.port);
  if (!health) {
    if (target.recorded) removePidFile(target.recorded.pid, pidPath);
    io.stderr(`CCR is not running (nothing answers at ${target.url})\n`);
    return 1;
  }
  const pid = health.pid ?? target.recorded?.pid;
  if (pid === undefined) {
    io.stderr(
      `CCR answers at ${target.url} but does not say its pid (an older version): stop it where it runs\n`,
    );
    return 1;
  }
  if (!isLoopbackHost(target.host) || !(target.recorded?.pid === pid || looksLikeCcr(pid))) {
    io.stderr(
      `CCR answers at ${target.url} as pid ${pid}, which is not a CCR process on this machine: stop it where it runs\n`,
    );
    return 1;
  }
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (isProcessAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (isProcessAlive(pid)) {
    process.kill(pid, "SIGKILL");
    removePidFile(pid, pidPath);
    io.stdout(`CCR (pid ${pid}) did not stop in time and was killed\n`);
    return 0;
  }
  removePidFile(pid, pidPath);
  io.stdout(`CCR stopped (pid ${pid}, port ${target.port})\n`);
  return 0;
}

/**
 * Whether `pid` runs a CCR proxy, by its command line, for a proxy without a pid file: a /health answer on
 * a forwarded port (a container) can name a pid that means another process here.
 */
function looksLikeCcr(pid: number): boolean {
  let command = "";
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    try {
      command = execFileSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" });
    } catch {
      return false;
    }
  }
  return /\bccr\b|cli\.js/.test(command) && /\b(start|demo)\b/.test(command);
}
