import type { RetryPolicy } from "@ccr/config";
import type { FailureFacts } from "../state/circuit-breaker.js";
import type { TierHealthRecord } from "../state/tier-health.js";
import { backoffDelay } from "./backoff.js";
import type { AttemptFailure } from "./classify-outcome.js";
import { MAX_RETRY_AFTER_MS } from "./parse-retry-after.js";

/** A 429 without a usable Retry-After cools its tier this long. */
export const RATE_LIMIT_DEFAULT_COOLDOWN_MS = 5_000;
/** 401/402/403/404: the tier is misconfigured or out of credit; skipped this long. */
export const AUTH_COOLDOWN_MS = 5 * 60_000;
/** The longest the last available tier sleeps on a 429 before retrying; longer waits fail fast instead. */
export const MAX_RATE_LIMIT_WAIT_MS = 30_000;
/**
 * Requests that slept on the same 429 would all wake when the cooldown ends and hit the tier at once: each
 * adds a random extra wait of up to this long (or the wait itself, when shorter).
 */
export const RATE_LIMIT_JITTER_MS = 1_000;

/** What the cascade does with a tier after one of its attempts failed. */
export type NextStep =
  /** Try the same tier again after a backoff. */
  | { readonly kind: "retry"; readonly delayMs: number }
  /** Rate-limited: sleep out its cooldown and try again, but only when no later tier could take the request now. */
  | { readonly kind: "wait"; readonly delayMs: number }
  /** Give up on this tier. */
  | { readonly kind: "next" };

/**
 * The pure decision after a failed attempt at a tier, from the failure, the tier's record once the failure
 * was recorded, how many retries it had, and its policy.
 */
export function nextStep(
  failure: AttemptFailure,
  after: TierHealthRecord,
  retry: number,
  policy: RetryPolicy,
  now: number,
  random: () => number,
): NextStep {
  if (after.circuit === "open" || retry >= policy.maxRetries) return { kind: "next" };
  if (failure.disposition === "retry") return { kind: "retry", delayMs: backoffDelay(policy, retry, random) };
  if (failure.disposition !== "rate_limited") return { kind: "next" };
  const waitMs = Math.max(0, after.cooldownUntil - now);
  if (waitMs > MAX_RATE_LIMIT_WAIT_MS) return { kind: "next" };
  return { kind: "wait", delayMs: waitMs + Math.floor(random() * Math.min(waitMs, RATE_LIMIT_JITTER_MS)) };
}

/** What a failed attempt says about its tier, for its health record: cooldowns by disposition. */
export function failureFacts(failure: AttemptFailure, now: number): FailureFacts {
  return {
    reason: failure.reason,
    status: failure.status,
    message: failure.message,
    countsAgainstHealth: failure.countsAgainstHealth,
    cooldownUntil:
      failure.disposition === "rate_limited"
        ? now + Math.min(failure.retryAfterMs ?? RATE_LIMIT_DEFAULT_COOLDOWN_MS, MAX_RETRY_AFTER_MS)
        : failure.disposition === "disable"
          ? now + (failure.retryAfterMs ?? AUTH_COOLDOWN_MS)
          : undefined,
  };
}
