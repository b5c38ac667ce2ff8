import type { RetryPolicy } from "@ccr/config";

/**
 * Delay before retry number `retryIndex` (0 for the first retry) within a tier: exponential backoff
 * with full jitter, uniform in [0, min(maxBackoffMs, baseBackoffMs * backoffMultiplier^retryIndex)).
 * Full jitter spreads the retries of many concurrent requests instead of synchronising them.
 */
export function backoffDelay(policy: RetryPolicy, retryIndex: number, random: () => number): number {
  if (policy.baseBackoffMs <= 0 || policy.maxBackoffMs <= 0) return 0;
  const ceiling = Math.min(
    policy.maxBackoffMs,
    policy.baseBackoffMs * policy.backoffMultiplier ** retryIndex,
  );
  return Math.floor(random() * ceiling);
}
