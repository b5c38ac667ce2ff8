import { readFileSync } from "node:fs";
import {
  ConfigError,
  type ConfigIssue,
  describeConfig,
  formatIssue,
  loadConfig,
  redactSecrets,
  resolveConfigPath,
} from "@ccr/config";
import { loadProviderPackages } from "../runtime/provider-packages.js";
import { processIo } from "./command-io.js";

export interface ValidateOptions {
  /** `--config PATH`; otherwise `CCR_CONFIG`, then `~/.claude-code-router/config.json`. */
  config?: string;
  /**
   * Check a config whose `$VAR`s are not all exported yet (what `ccr init` writes): each unset variable
   * stands for a placeholder and is listed after the report instead of failing it.
   */
  allowUnsetVariables?: boolean;
}

export interface ValidateIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Where `CCR_CONFIG` and the file's `$VAR`s come from. Default: `process.env`. */
  env?: Record<string, string | undefined>;
}

/**
 * `ccr validate`: loads the config and prints its providers, models and the tier chain of each scenario
 * (never an API key). Exit 0 when valid, 1 with every error listed when not, 2 when the file cannot be read.
 */
export async function validateCommand(
  options: ValidateOptions = {},
  io: ValidateIo = processIo,
): Promise<number> {
  const realEnv = io.env ?? process.env;
  const unset = new Set<string>();
  const env = options.allowUnsetVariables ? tolerantEnv(realEnv, options.config, unset) : realEnv;
  try {
    const { config, warnings } = await loadConfig({
      ...(options.config !== undefined && { path: options.config }),
      env,
      loadProviders: loadProviderPackages,
    });
    const missing =
      unset.size === 0
        ? []
        : ["", `Not set in this shell yet (export them before ccr start): ${[...unset].sort().join(", ")}`];
    const report = [
      describeConfig(config),
      ...formatWarnings(warnings),
      ...missing,
      "",
      "Config is valid.",
    ].join("\n");
    // describeConfig prints no key; this guards against one pasted into a name or URL.
    io.stdout(`${redactSecrets(report, config)}\n`);
    return 0;
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    io.stderr(`${[error.message, ...formatWarnings(error.warnings)].join("\n")}\n`);
    return error.kind === "read" ? 2 : 1;
  }
}

function formatWarnings(warnings: readonly ConfigIssue[]): string[] {
  if (warnings.length === 0) return [];
  return ["", `Warnings (${warnings.length}):`, ...warnings.map((warning) => `  - ${formatIssue(warning)}`)];
}

// As @ccr/config interpolates: `${NAME}` and `$NAME`.
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * `env` where each variable the file references as `$NAME` but this shell does not set reads as a
 * placeholder, recorded in `unset` when the config asks for it (a `$NAME` in a comment is never asked).
 */
function tolerantEnv(env: Record<string, string | undefined>, path: string | undefined, unset: Set<string>) {
  let text = "";
  try {
    text = readFileSync(resolveConfigPath({ ...(path !== undefined && { path }), env }), "utf8");
  } catch {
    // loadConfig reports the file it cannot read.
  }
  const referenced = new Set([...text.matchAll(REFERENCE)].map((match) => match[1] ?? match[2]));
  return new Proxy(env, {
    get(target, name) {
      const value = target[name as string];
      if (value !== undefined || typeof name !== "string" || !referenced.has(name)) return value;
      unset.add(name);
      return `unset-${name}`;
    },
  });
}
