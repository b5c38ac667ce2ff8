import type { Env } from "../runtime/ccr-home.js";

/** How log lines look on stdout: one JSON object a line, or pretty lines for a person. */
export type LogFormat = "json" | "pretty";

/** The variable `ccr start --json-logs` sets; users may set it too. */
export const LOG_FORMAT_ENV = "CCR_LOG_FORMAT";

/**
 * `explicit` when given; else `CCR_LOG_FORMAT` (`json` / `pretty`); else pretty on a terminal and JSON
 * anywhere else (a pipe, a file, a log collector), so scripts always get lines they can parse.
 */
export function resolveLogFormat(
  explicit: LogFormat | undefined,
  env: Env = process.env,
  isTTY: boolean = process.stdout.isTTY === true,
): LogFormat {
  if (explicit) return explicit;
  const fromEnv = env[LOG_FORMAT_ENV]?.toLowerCase();
  if (fromEnv === "json" || fromEnv === "pretty") return fromEnv;
  return isTTY ? "pretty" : "json";
}
