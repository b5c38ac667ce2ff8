import type { ProviderKey } from "@ccr/config";
import type { KeyHealthRecord } from "../state/key-health.js";
import { nextUsageBucketAt, type UsageCounts } from "../state/key-usage.js";

/** The smallest share of turns a usable key gets, however close to its budget. */
export const MIN_KEY_WEIGHT = 0.1;
/** A key whose rate-limit cooldown ended this recently was at its provider's limit: it gets half its turns. */
export const RECOVERING_MS = 60_000;

export type KeyStatus =
  /** Usable now; `weight` in (0, 1] is its share of turns against the other usable keys. */
  | { readonly kind: "ready"; readonly weight: number }
  /** Skipped until then: rate-limited, refused (out), or this request would go over its budget. */
  | { readonly kind: "cooling" | "out" | "over_budget"; readonly until: number };

/**
 * Whether a key can take a request now, and how many turns it gets: pure. A key cooling after a 429 or
 * refused by the provider is skipped until its time is up; a key whose `rpm` or `tpm` budget this request
 * would exceed (its usage over the last minute, plus one request and the request's estimated tokens) is
 * skipped until the next minute starts. A usable key's weight is its headroom under its tightest budget
 * (1 without budgets, never below {@link MIN_KEY_WEIGHT}), halved while it recovers from a rate limit.
 */
export function keyStatus(
  key: ProviderKey,
  record: KeyHealthRecord | undefined,
  used: UsageCounts,
  needTokens: number,
  now: number,
): KeyStatus {
  if (record && record.cooldownUntil > now) {
    return { kind: record.cooldownReason === "auth" ? "out" : "cooling", until: record.cooldownUntil };
  }
  let headroom = 1;
  if (key.rpm !== undefined) {
    const after = used.requests + 1;
    if (after > key.rpm) return { kind: "over_budget", until: nextUsageBucketAt(now) };
    headroom = Math.min(headroom, 1 - after / key.rpm);
  }
  if (key.tpm !== undefined) {
    const after = used.tokens + needTokens;
    if (after > key.tpm) return { kind: "over_budget", until: nextUsageBucketAt(now) };
    headroom = Math.min(headroom, 1 - after / key.tpm);
  }
  const weight = Math.max(MIN_KEY_WEIGHT, headroom);
  const recovering =
    record?.cooldownReason === "rate_limited" &&
    record.cooldownUntil > 0 &&
    now - record.cooldownUntil < RECOVERING_MS;
  return { kind: "ready", weight: recovering ? weight / 2 : weight };
}
