import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { Env } from "../env/interpolate-env.js";

export interface ConfigPathOptions {
  /** `--config`: wins over everything. */
  readonly path?: string;
  /** Read for `CCR_CONFIG`. Default: `process.env`. */
  readonly env?: Env;
  /** Default: the user's home directory. */
  readonly homeDir?: string;
}

/**
 * Which file to load: `--config`, then `CCR_CONFIG`, then `~/.claude-code-router/config.json`. Absolute;
 * a leading `~/` is the home directory (a quoted `CCR_CONFIG="~/..."` reaches us unexpanded).
 */
export function resolveConfigPath(options: ConfigPathOptions = {}): string {
  const home = options.homeDir ?? homedir();
  const absolute = (path: string) => (path.startsWith("~/") ? join(home, path.slice(2)) : resolve(path));
  if (options.path !== undefined && options.path !== "") return absolute(options.path);
  const fromEnv = (options.env ?? process.env).CCR_CONFIG;
  if (fromEnv !== undefined && fromEnv !== "") return absolute(fromEnv);
  return join(home, ".claude-code-router", "config.json");
}
