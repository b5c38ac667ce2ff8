import {
  ConfigError,
  type ConfigIssue,
  describeConfig,
  formatIssue,
  loadConfig,
  redactSecrets,
} from "@ccr/config";
import { loadProviderPackages } from "../runtime/provider-packages.js";
import { processIo } from "./command-io.js";

export interface ValidateOptions {
  /** `--config PATH`; otherwise `CCR_CONFIG`, then `~/.claude-code-router/config.json`. */
  config?: string;
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
  const env = io.env ?? process.env;
  try {
    const { config, warnings } = await loadConfig({
      ...(options.config !== undefined && { path: options.config }),
      env,
      loadProviders: loadProviderPackages,
    });
    const report = [describeConfig(config), ...formatWarnings(warnings), "", "Config is valid."].join("\n");
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
