import { dirname, resolve } from "node:path";
import * as v from "valibot";
import { checkTierRetriesKeys } from "../chains/check-tier-retries.js";
import { scenarioTiers, withRetryPolicies } from "../chains/resolve-chains.js";
import { expandPath } from "../env/expand-path.js";
import { type Env, interpolateEnv } from "../env/interpolate-env.js";
import { ConfigError } from "../issues/config-error.js";
import type { ConfigIssue } from "../issues/config-issue.js";
import { describeValue } from "../issues/describe-value.js";
import type { IssueLog } from "../issues/issue-log.js";
import { toConfigIssues } from "../issues/valibot-issues.js";
import type { ProviderPackages } from "../load/provider-packages.js";
import { KNOWN_TOP_LEVEL_KEYS, rawSettingsSchema } from "../schema/raw-config-schema.js";
import { unknownKeyWarnings } from "../schema/unknown-keys.js";
import { type CcrConfig, type ChainTier, SCENARIOS, type Scenario } from "../types.js";
import { deepFreeze } from "./deep-freeze.js";
import { normalizePresets } from "./normalize-presets.js";
import { normalizeProviders } from "./normalize-providers.js";
import { normalizeRouter } from "./normalize-router.js";

export interface NormalizeOptions extends ProviderPackages {
  /** Where `$VAR` / `${VAR}` come from. Default: `process.env`. */
  readonly env?: Env;
  /** The file the config came from: relative module paths resolve from its folder. */
  readonly sourcePath?: string;
}

export interface LoadResult {
  readonly config: CcrConfig;
  /** Problems that do not stop CCR (unknown keys, ignored entries). */
  readonly warnings: readonly ConfigIssue[];
  /** Absolute path of the file, when the config came from one. */
  readonly path?: string;
}

export const DEFAULTS = Object.freeze({
  host: "127.0.0.1",
  port: 3456,
  log: false,
  logLevel: "info",
  apiTimeoutMs: 600_000,
} as const);

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

/**
 * A parsed config file (the claude-code-router / Rust CCR format) → the normalized, deeply frozen CcrConfig.
 * Throws a ConfigError of kind `invalid` listing every problem at once.
 */
export function normalizeConfig(raw: unknown, options: NormalizeOptions = {}): LoadResult {
  const env = options.env ?? process.env;
  const sourcePath = options.sourcePath === undefined ? undefined : resolve(options.sourcePath);
  const log: IssueLog = { errors: [], warnings: [] };
  const fail = (issues: readonly ConfigIssue[]) =>
    new ConfigError({
      kind: "invalid",
      issues,
      warnings: log.warnings,
      ...(sourcePath !== undefined && { path: sourcePath }),
    });

  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw fail([
      {
        path: "",
        message: "the config must be a JSON object",
        expected: "an object",
        received: describeValue(raw),
      },
    ]);
  }
  const interpolated = interpolateEnv(raw, env);
  const file = interpolated.value as Record<string, unknown>;

  const settings = v.safeParse(rawSettingsSchema, file);
  if (!settings.success) log.errors.push(...toConfigIssues(settings.issues));
  const { providers, catalog } = normalizeProviders(file, log, {
    env,
    ...(options.providerDefinitions !== undefined && { providerDefinitions: options.providerDefinitions }),
    ...(options.providerLoadFailures !== undefined && { providerLoadFailures: options.providerLoadFailures }),
  });
  const router = normalizeRouter(file.Router, file.fallback, catalog, log);
  const presets = normalizePresets(file.Presets, catalog, log);
  log.warnings.push(
    ...unknownKeyWarnings(file, KNOWN_TOP_LEVEL_KEYS, [], "kept as written, not used by CCR"),
  );
  if (typeof file.state === "object" && file.state !== null && !Array.isArray(file.state)) {
    log.warnings.push(
      ...unknownKeyWarnings(file.state as Record<string, unknown>, ["redis"], ["state"], "not used by CCR"),
    );
  }

  let chains: Record<Scenario, readonly ChainTier[]> | undefined;
  if (router !== undefined) {
    const tiers = scenarioTiers(router);
    const longest = Math.max(...SCENARIOS.map((scenario) => tiers[scenario].length));
    log.errors.push(...checkTierRetriesKeys(router.tierRetryKeys, catalog, longest));
    chains = {} as Record<Scenario, readonly ChainTier[]>;
    for (const scenario of SCENARIOS)
      chains[scenario] = withRetryPolicies(tiers[scenario], router.tierRetries);
  }

  // A `$VAR` left unset also breaks the shape check of its value: report the variable only.
  const unsetPaths = new Set(interpolated.issues.map((issue) => issue.path));
  const errors = [...interpolated.issues, ...log.errors.filter((issue) => !unsetPaths.has(issue.path))];
  if (errors.length > 0 || !settings.success || router === undefined || chains === undefined)
    throw fail(errors);

  const s = settings.output;
  const baseDir = sourcePath === undefined ? process.cwd() : dirname(sourcePath);
  // As claude-code-router does: without APIKEY, anyone on the network could spend the provider keys, so a
  // HOST beyond loopback falls back to loopback instead of failing a file that worked there.
  let host = s.HOST ?? DEFAULTS.host;
  if (!LOOPBACK_HOSTS.has(host) && s.APIKEY === undefined) {
    log.warnings.push({
      path: "HOST",
      message: `${host} ignored: without APIKEY, CCR listens on ${DEFAULTS.host} only, so no one else on the network can use your provider keys`,
      suggestion: "set APIKEY to accept other machines",
    });
    host = DEFAULTS.host;
  }
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(file)) if (!KNOWN_TOP_LEVEL_KEYS.has(key)) extra[key] = value;

  const config: CcrConfig = {
    host,
    port: s.PORT ?? DEFAULTS.port,
    ...(s.APIKEY !== undefined && { apiKey: s.APIKEY }),
    log: s.LOG ?? DEFAULTS.log,
    logLevel: s.LOG_LEVEL ?? DEFAULTS.logLevel,
    apiTimeoutMs: s.API_TIMEOUT_MS ?? DEFAULTS.apiTimeoutMs,
    ...(s.PROXY_URL !== undefined && { proxyUrl: s.PROXY_URL }),
    nonInteractiveMode: s.NON_INTERACTIVE_MODE ?? false,
    ...(s.CUSTOM_ROUTER_PATH !== undefined && {
      customRouterPath: expandPath(s.CUSTOM_ROUTER_PATH, { env, baseDir }),
    }),
    customTransformers: (s.transformers ?? []).map((entry) => ({
      path: expandPath(entry.path, { env, baseDir }),
      ...(entry.options !== undefined && { options: entry.options }),
    })),
    ...(s.state?.redis !== undefined && { state: { redisUrl: s.state.redis } }),
    providers,
    router: {
      ...router.scenarios,
      longContextThreshold: router.longContextThreshold,
      ...(router.tiers !== undefined && { tiers: router.tiers }),
      ...(router.tierRetries !== undefined && { tierRetries: router.tierRetries }),
    },
    presets,
    chains,
    extra,
    ...(sourcePath !== undefined && { sourcePath }),
  };
  return {
    config: deepFreeze(config),
    warnings: log.warnings,
    ...(sourcePath !== undefined && { path: sourcePath }),
  };
}
