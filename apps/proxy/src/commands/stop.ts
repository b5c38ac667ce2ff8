import { rmSync } from "node:fs";
import { isProcessAlive, pidFilePath, readPidFile } from "../runtime/pid-file.js";
import { type CommandIo, processIo } from "./command-io.js";

export interface StopOptions {
  /** How long to wait for the graceful shutdown before SIGKILL. Default 15 s. */
  timeoutMs?: number;
}

/** `ccr stop`: SIGTERM to the recorded proxy, then wait for it to exit. Exit 1 when none is running. */
export async function stopCommand(options: StopOptions = {}, io: CommandIo = processIo): Promise<number> {
  const pidPath = pidFilePath(io.env);
  const info = readPidFile(pidPath);
  if (!info || !isProcessAlive(info.pid)) {
    if (info) rmSync(pidPath, { force: true });
    io.stderr("CCR is not running\n");
    return 1;
  }
  process.kill(info.pid, "SIGTERM");
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (isProcessAlive(info.pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (isProcessAlive(info.pid)) {
    process.kill(info.pid, "SIGKILL");
    rmSync(pidPath, { force: true });
    io.stdout(`CCR (pid ${info.pid}) did not stop in time and was killed\n`);
    return 0;
  }
  io.stdout(`CCR stopped (pid ${info.pid})\n`);
  return 0;
}
