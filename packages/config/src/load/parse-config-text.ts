import { resolve } from "node:path";
import { ConfigError } from "../issues/config-error.js";
import { type LoadResult, type NormalizeOptions, normalizeConfig } from "../normalize/normalize-config.js";
import { parseJsonc } from "./parse-jsonc.js";

/** The text of a config file (JSON with comments and trailing commas) → LoadResult. Throws ConfigError. */
export function parseConfigText(text: string, options: NormalizeOptions = {}): LoadResult {
  const { value, issues } = parseJsonc(text);
  if (issues.length > 0) {
    throw new ConfigError({
      kind: "parse",
      issues,
      ...(options.sourcePath !== undefined && { path: resolve(options.sourcePath) }),
    });
  }
  return normalizeConfig(value, options);
}
