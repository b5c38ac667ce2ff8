import { type ConfigIssue, formatIssue } from "./config-issue.js";

const marker = Symbol.for("ccr.config.error");

/** Why loading failed: the file could not be read, was not JSON(C), or broke a rule. */
export type ConfigErrorKind = "read" | "parse" | "invalid";

/** Thrown when a config cannot be loaded; `issues` lists every problem, and so does `message`. */
export class ConfigError extends Error {
  readonly [marker] = true;
  readonly kind: ConfigErrorKind;
  readonly issues: readonly ConfigIssue[];
  /** What would only have been warned about, had the file loaded. */
  readonly warnings: readonly ConfigIssue[];
  readonly path?: string;

  constructor(options: {
    kind: ConfigErrorKind;
    issues: readonly ConfigIssue[];
    warnings?: readonly ConfigIssue[];
    path?: string;
    cause?: unknown;
  }) {
    super(describeFailure(options.kind, options.issues, options.path), { cause: options.cause });
    this.name = "ConfigError";
    this.kind = options.kind;
    this.issues = options.issues;
    this.warnings = options.warnings ?? [];
    if (options.path !== undefined) this.path = options.path;
  }

  /** True for a ConfigError from any copy of this package (a plain `instanceof` fails across duplicates). */
  static isInstance(error: unknown): error is ConfigError {
    return typeof error === "object" && error !== null && marker in error;
  }
}

const headlines: Record<ConfigErrorKind, string> = {
  read: "Cannot read config",
  parse: "Config is not valid JSON",
  invalid: "Invalid config",
};

function describeFailure(
  kind: ConfigErrorKind,
  issues: readonly ConfigIssue[],
  path: string | undefined,
): string {
  const where = path === undefined ? "" : ` ${path}`;
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  const lines = issues.map((issue) => `  - ${formatIssue(issue)}`);
  return [`${headlines[kind]}${where} (${count}):`, ...lines].join("\n");
}
