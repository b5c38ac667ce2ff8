import type { ChainTier } from "@ccr/config";
import type { PoolExhausted } from "../keys/key-pool.js";
import type { AttemptFailure } from "./classify-outcome.js";
import type { TierFailure } from "./tier-failure.js";

/** A tier skipped because no key of its pool can take the request now: like a cooling tier. */
export function keysUnavailable(tier: ChainTier, exhausted: PoolExhausted): TierFailure {
  return {
    tier,
    reason: "cooling",
    message: exhausted.message,
    until: exhausted.until,
    cooldownReason: exhausted.reason,
  };
}

/**
 * The failure the tier records once the last usable key of its pool failed: a rate limit until the first
 * key is back (so the tier's cooldown ends with it), or, when that first key is out, a refusal.
 */
export function poolExhausted(
  failure: AttemptFailure,
  exhausted: PoolExhausted,
  now: number,
): AttemptFailure {
  const message = `${failure.message}; ${exhausted.message}`;
  const retryAfterMs = Math.max(0, exhausted.until - now);
  return exhausted.reason === "auth"
    ? {
        ...failure,
        reason: "auth",
        disposition: "disable",
        message,
        retryAfterMs,
        countsAgainstHealth: false,
      }
    : {
        ...failure,
        reason: "rate_limited",
        disposition: "rate_limited",
        message,
        retryAfterMs,
        countsAgainstHealth: false,
      };
}
