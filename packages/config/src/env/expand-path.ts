import { isAbsolute, join, resolve } from "node:path";
import type { Env } from "./interpolate-env.js";

/** A module path from the config → absolute: `~/` is the home directory, relative paths start at the config's folder. */
export function expandPath(path: string, options: { env: Env; baseDir: string }): string {
  const home = options.env.HOME ?? options.env.USERPROFILE;
  if (home !== undefined && (path === "~" || path.startsWith("~/"))) return join(home, path.slice(1));
  return isAbsolute(path) ? path : resolve(options.baseDir, path);
}
