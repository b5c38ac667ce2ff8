import { readFile } from "node:fs/promises";
import { ConfigError } from "../issues/config-error.js";
import type { LoadResult } from "../normalize/normalize-config.js";
import { parseConfigText } from "./parse-config-text.js";
import type { LoadProviders } from "./provider-packages.js";
import { loadProviderPackages } from "./provider-refs.js";
import { type ConfigPathOptions, resolveConfigPath } from "./resolve-config-path.js";

export interface LoadConfigOptions extends ConfigPathOptions {
  /** Loads the provider packages named by `"provider"` entries; without it such entries are errors. */
  readonly loadProviders?: LoadProviders;
}

/**
 * Finds (see resolveConfigPath), reads and normalizes the config file, with the provider packages its entries
 * name loaded by `loadProviders`. Throws ConfigError.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadResult> {
  const path = resolveConfigPath(options);
  const text = await readConfigFile(path);
  const packages = await loadProviderPackages(text, path, options.loadProviders);
  return parseConfigText(text, { ...packages, env: options.env ?? process.env, sourcePath: path });
}

/** The file's text, or a ConfigError of kind `read` that says what to do. */
export async function readConfigFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (cause) {
    throw new ConfigError({ kind: "read", issues: [readIssue(path, cause)], path, cause });
  }
}

function readIssue(path: string, cause: unknown): { path: string; message: string; suggestion?: string } {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === "ENOENT") {
    return {
      path: "",
      message: `${path} does not exist`,
      suggestion:
        "create it (see examples/ and docs/configuration.md), or pass --config PATH or set CCR_CONFIG",
    };
  }
  if (code === "EACCES")
    return { path: "", message: `${path} is not readable`, suggestion: "check its permissions" };
  if (code === "EISDIR")
    return { path: "", message: `${path} is a directory`, suggestion: "point at the config.json inside it" };
  return { path: "", message: `${path}: ${(cause as Error).message}` };
}
