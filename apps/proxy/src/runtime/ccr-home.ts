import { homedir } from "node:os";
import { join } from "node:path";

/** Environment lookups the CLI makes; injected so tests can point HOME at a temp dir. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The folder claude-code-router users already have. HOME wins over the OS lookup so tests and
 * `ccr code` in a sandbox can move it.
 */
export function ccrHomeDir(env: Env = process.env): string {
  return join(env.HOME || homedir(), ".claude-code-router");
}

export function logDir(env: Env = process.env): string {
  return join(ccrHomeDir(env), "logs");
}
