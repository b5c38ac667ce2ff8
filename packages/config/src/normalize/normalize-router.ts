import * as v from "valibot";
import { checkTierRef, type ProviderCatalog } from "../chains/check-tier-ref.js";
import type { ChainInputs } from "../chains/resolve-chains.js";
import type { IssueLog } from "../issues/issue-log.js";
import { formatJsonPath } from "../issues/json-path.js";
import { didYouMean } from "../issues/suggest.js";
import { toConfigIssues } from "../issues/valibot-issues.js";
import {
  type RawRetry,
  rawFallbackSchema,
  rawRetrySchema,
  rawRouterSchema,
} from "../schema/raw-config-schema.js";
import { unknownKeyWarnings } from "../schema/unknown-keys.js";
import { type RetryPolicyOverride, SCENARIOS, type Scenario, type TierRef } from "../types.js";

export const DEFAULT_LONG_CONTEXT_THRESHOLD = 60_000;

export interface NormalizedRouter extends ChainInputs {
  readonly longContextThreshold: number;
  readonly tierRetries?: Readonly<Record<string, RetryPolicyOverride>>;
  /** The keys of `tierRetries` as written, checked against the chains once they are known. */
  readonly tierRetryKeys: readonly string[];
}

const isScenario = (key: string): key is Scenario => (SCENARIOS as readonly string[]).includes(key);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * `Router` and the top-level `fallback`. Every `"provider,model"` is checked even when the section's shape is
 * wrong elsewhere, so one run reports every problem. Undefined when `Router.default` does not resolve; a result
 * that comes with errors in `log` is only good for finding more errors.
 */
export function normalizeRouter(
  rawRouter: unknown,
  rawFallback: unknown,
  catalog: ProviderCatalog,
  log: IssueLog,
): NormalizedRouter | undefined {
  if (rawRouter === undefined) {
    log.errors.push({
      path: "Router",
      message: "is required",
      expected: 'an object with at least "default"',
    });
    return undefined;
  }
  const parsed = v.safeParse(rawRouterSchema, rawRouter);
  if (!parsed.success) log.errors.push(...toConfigIssues(parsed.issues, ["Router"]));

  const scenarios: Partial<Record<Scenario, TierRef>> = {};
  const writtenOrder: Scenario[] = [];
  let tiers: TierRef[] | undefined;
  let tierRetryKeys: string[] = [];
  if (isObject(rawRouter)) {
    for (const [key, value] of Object.entries(rawRouter)) {
      if (!isScenario(key) || typeof value !== "string" || value.trim() === "") continue;
      const { ref, issue } = checkTierRef(value, formatJsonPath(["Router", key]), catalog);
      if (issue !== undefined) log.errors.push(issue);
      if (ref === undefined) continue;
      scenarios[key] = ref;
      writtenOrder.push(key);
    }
    log.warnings.push(
      ...unknownKeyWarnings(rawRouter, Object.keys(rawRouterSchema.entries), ["Router"], "ignored by CCR"),
    );
    if (Array.isArray(rawRouter.tiers))
      tiers = checkRefList(rawRouter.tiers, ["Router", "tiers"], catalog, log);
    if (isObject(rawRouter.tierRetries)) {
      tierRetryKeys = Object.keys(rawRouter.tierRetries);
      for (const [key, entry] of Object.entries(rawRouter.tierRetries)) {
        if (!isObject(entry)) continue;
        const known = Object.keys(rawRetrySchema.entries);
        log.warnings.push(...unknownKeyWarnings(entry, known, ["Router", "tierRetries", key], "ignored"));
      }
    }
  }

  let tierRetries: Record<string, RetryPolicyOverride> | undefined;
  if (parsed.success && parsed.output.tierRetries !== undefined) {
    tierRetries = {};
    for (const [key, entry] of Object.entries(parsed.output.tierRetries))
      tierRetries[key] = toRetryOverride(entry);
  }

  const fallback = normalizeFallback(rawFallback, catalog, log);
  if (scenarios.default === undefined) return undefined;
  return {
    scenarios: { ...scenarios, default: scenarios.default },
    writtenOrder,
    ...(tiers !== undefined && { tiers }),
    fallback,
    longContextThreshold:
      (parsed.success && parsed.output.longContextThreshold) || DEFAULT_LONG_CONTEXT_THRESHOLD,
    ...(tierRetries !== undefined && { tierRetries }),
    tierRetryKeys,
  };
}

function normalizeFallback(
  rawFallback: unknown,
  catalog: ProviderCatalog,
  log: IssueLog,
): Partial<Record<Scenario, TierRef[]>> {
  const fallback: Partial<Record<Scenario, TierRef[]>> = {};
  if (rawFallback === undefined) return fallback;
  const parsed = v.safeParse(rawFallbackSchema, rawFallback);
  if (!parsed.success) log.errors.push(...toConfigIssues(parsed.issues, ["fallback"]));
  if (!isObject(rawFallback)) return fallback;
  for (const [key, value] of Object.entries(rawFallback)) {
    if (!isScenario(key)) {
      const suggestion = didYouMean(key, SCENARIOS);
      log.warnings.push({
        path: formatJsonPath(["fallback", key]),
        message: "is not a routing scenario; ignored",
        expected: SCENARIOS.map((s) => JSON.stringify(s)).join(", "),
        ...(suggestion !== undefined && { suggestion }),
      });
      continue;
    }
    if (Array.isArray(value)) fallback[key] = checkRefList(value, ["fallback", key], catalog, log);
  }
  return fallback;
}

function checkRefList(
  values: readonly unknown[],
  at: readonly (string | number)[],
  catalog: ProviderCatalog,
  log: IssueLog,
): TierRef[] {
  const refs: TierRef[] = [];
  values.forEach((value, index) => {
    if (typeof value !== "string" || value.trim() === "") return;
    const { ref, issue } = checkTierRef(value, formatJsonPath([...at, index]), catalog);
    if (issue !== undefined) log.errors.push(issue);
    if (ref !== undefined) refs.push(ref);
  });
  return refs;
}

function toRetryOverride(entry: RawRetry): RetryPolicyOverride {
  return {
    ...(entry.max_retries !== undefined && { maxRetries: entry.max_retries }),
    ...(entry.base_backoff_ms !== undefined && { baseBackoffMs: entry.base_backoff_ms }),
    ...(entry.backoff_multiplier !== undefined && { backoffMultiplier: entry.backoff_multiplier }),
    ...(entry.max_backoff_ms !== undefined && { maxBackoffMs: entry.max_backoff_ms }),
    ...(entry.stream_first_event_timeout_ms !== undefined && {
      streamFirstEventTimeoutMs: entry.stream_first_event_timeout_ms,
    }),
    ...(entry.stream_idle_timeout_ms !== undefined && { streamIdleTimeoutMs: entry.stream_idle_timeout_ms }),
  };
}
