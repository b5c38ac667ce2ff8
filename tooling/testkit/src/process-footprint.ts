import { readdirSync, readFileSync } from "node:fs";

/** What a running process holds, as the kernel counts it. */
export interface ProcessFootprint {
  /** Resident memory (VmRSS), in bytes. */
  readonly rssBytes: number;
  /** Open file descriptors: sockets, pipes, files. */
  readonly openFds: number;
}

/**
 * A process's resident memory and open file descriptors, read from /proc: for checking that a proxy gives
 * back what a burst of requests took. Undefined where there is no /proc (macOS, Windows) or no such process.
 */
export function processFootprint(pid: number): ProcessFootprint | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1]);
    if (!Number.isFinite(rssKb)) return undefined;
    return { rssBytes: rssKb * 1024, openFds: readdirSync(`/proc/${pid}/fd`).length };
  } catch {
    return undefined;
  }
}
