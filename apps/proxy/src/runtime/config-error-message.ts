import { ConfigError } from "@ccr/config";

/**
 * A config failure as the CLI prints it: where it looked and what to do, then every issue.
 * Exit code 2 when the file cannot be read, 1 when it is invalid (as `ccr validate`).
 */
export function describeConfigFailure(error: unknown): { message: string; exitCode: number } {
  if (!ConfigError.isInstance(error)) throw error;
  if (error.kind === "read") {
    const where = error.path ?? "~/.claude-code-router/config.json";
    return {
      message: `no readable config at ${where}: write one with ccr init (or try ccr demo first), or pass --config PATH or set CCR_CONFIG\n`,
      exitCode: 2,
    };
  }
  return { message: `${error.message}\n`, exitCode: 1 };
}
