import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Env, logDir } from "./ccr-home.js";
import { isProcessAlive, type PidInfo, runningProxies } from "./pid-file.js";
import { clientBaseUrl, waitForHealth } from "./wait-for-health.js";

/** Set in the detached child so `ccr start` knows it is the daemon (logs to files, not stdout). */
export const DAEMON_ENV = "CCR_DAEMON";

export interface StartDaemonOptions {
  /** `ccr start` arguments for the child, without `--daemon`. */
  args: string[];
  env: Env;
  /** The CLI script to run with this Node; default: the running one. */
  cliPath?: string;
  timeoutMs?: number;
}

/**
 * Starts `ccr start` detached, its early output in the log folder, and resolves once the child has
 * recorded itself in a pid file (one per port) and answers /health. Rejects with the child's last output lines
 * when it dies or does not come up.
 */
export async function startDaemon(options: StartDaemonOptions): Promise<PidInfo> {
  const dir = logDir(options.env);
  mkdirSync(dir, { recursive: true });
  const outputPath = join(dir, "ccr-daemon.out");
  const output = openSync(outputPath, "a");
  const child = spawn(process.execPath, [options.cliPath ?? process.argv[1]!, "start", ...options.args], {
    detached: true,
    stdio: ["ignore", output, output],
    env: { ...options.env, [DAEMON_ENV]: "1" },
  });
  closeSync(output);
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start the CCR daemon process");

  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) break;
    const info = runningProxies(options.env).find((recorded) => recorded.pid === pid);
    if (info) {
      const up = await waitForHealth(clientBaseUrl(info.host, info.port), {
        timeoutMs: deadline - Date.now(),
        isAlive: () => isProcessAlive(pid),
      });
      if (up) return info;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (isProcessAlive(pid)) process.kill(pid, "SIGTERM");
  throw new Error(`the CCR daemon did not start; its last output (${outputPath}):\n${tail(outputPath, 10)}`);
}

function tail(path: string, lines: number): string {
  try {
    return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}
