import type { CcrConfig, RetryPolicy, RetryPolicyOverride, TierRef } from "../types.js";

/** The Rust CCR defaults: 3 retries, 100 ms doubling up to 10 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxRetries: 3,
  baseBackoffMs: 100,
  backoffMultiplier: 2,
  maxBackoffMs: 10_000,
  // A tier that accepts the connection and then says nothing must not hold Claude Code for the whole
  // API_TIMEOUT_MS: after this long without a first event it counts as failed and the cascade moves on.
  streamFirstEventTimeoutMs: 90_000,
  // A stream that goes silent mid-answer is ended with an error frame so Claude Code retries by itself.
  streamIdleTimeoutMs: 120_000,
});

/**
 * The policy of `tier` at position `index` of a chain. Entries are layered field by field, least specific first:
 * defaults, `"*"`, `"tier-N"`, the provider name, then `"provider,model"`; a more specific entry only replaces
 * the fields it sets.
 */
export function resolveRetryPolicy(
  overrides: Readonly<Record<string, RetryPolicyOverride>> | undefined,
  tier: TierRef,
  index: number,
): RetryPolicy {
  const policy: Record<string, unknown> = { ...DEFAULT_RETRY_POLICY };
  if (overrides !== undefined) {
    for (const key of ["*", `tier-${index}`, tier.provider, tier.id]) {
      const override = Object.hasOwn(overrides, key) ? overrides[key] : undefined;
      if (override === undefined) continue;
      for (const [field, value] of Object.entries(override)) if (value !== undefined) policy[field] = value;
    }
  }
  return Object.freeze(policy) as unknown as RetryPolicy;
}

/** The retry policy that applies to `tier` when it sits at position `index` of a chain. */
export function retryPolicyFor(config: CcrConfig, tier: TierRef, index: number): RetryPolicy {
  return resolveRetryPolicy(config.router.tierRetries, tier, index);
}
