/** Requests and tokens counted for a key's budget. */
export interface UsageCounts {
  readonly requests: number;
  readonly tokens: number;
}

/** A key's counts in two fixed one-minute buckets: the one `now` falls in, and the one before it. */
export interface KeyUsageBuckets {
  readonly current: UsageCounts;
  readonly previous: UsageCounts;
}

/** Budgets are per minute, counted in buckets aligned on the epoch minute (the same on every replica). */
export const USAGE_BUCKET_MS = 60_000;

export const NO_USAGE: UsageCounts = Object.freeze({ requests: 0, tokens: 0 });

export function usageBucketOf(now: number): number {
  return Math.floor(now / USAGE_BUCKET_MS);
}

/**
 * The usage of the last 60 s, estimated from the two buckets: all of the current one, and of the previous
 * one the share still inside the last 60 s (a sliding-window counter, as Cloudflare's and nginx's rate
 * limiters estimate it, without keeping a timestamp per request). Never negative.
 */
export function usageInLastMinute(buckets: KeyUsageBuckets, now: number): UsageCounts {
  const elapsed = (now % USAGE_BUCKET_MS) / USAGE_BUCKET_MS;
  const weight = 1 - elapsed;
  return {
    requests: Math.max(0, buckets.current.requests + buckets.previous.requests * weight),
    tokens: Math.max(0, buckets.current.tokens + buckets.previous.tokens * weight),
  };
}

/** Start of the next bucket: when what the current bucket counted starts to fade out of the window. */
export function nextUsageBucketAt(now: number): number {
  return (usageBucketOf(now) + 1) * USAGE_BUCKET_MS;
}

/**
 * One process's budget counters, kept for the current and the previous minute of each key: what the
 * in-memory store counts, and what a shared store adds to its fleet-wide totals.
 */
export class LocalKeyUsage {
  readonly #buckets = new Map<string, { bucket: number; current: UsageCounts; previous: UsageCounts }>();

  add(keyId: string, now: number, usage: UsageCounts): void {
    const entry = this.#entry(keyId, now);
    entry.current = {
      requests: entry.current.requests + usage.requests,
      tokens: entry.current.tokens + usage.tokens,
    };
  }

  buckets(keyId: string, now: number): KeyUsageBuckets {
    const entry = this.#buckets.get(keyId);
    if (!entry) return { current: NO_USAGE, previous: NO_USAGE };
    const bucket = usageBucketOf(now);
    if (entry.bucket === bucket) return { current: entry.current, previous: entry.previous };
    if (entry.bucket === bucket - 1) return { current: NO_USAGE, previous: entry.current };
    return { current: NO_USAGE, previous: NO_USAGE };
  }

  #entry(keyId: string, now: number) {
    const bucket = usageBucketOf(now);
    let entry = this.#buckets.get(keyId);
    if (!entry || entry.bucket < bucket - 1) {
      entry = { bucket, current: NO_USAGE, previous: NO_USAGE };
      this.#buckets.set(keyId, entry);
    } else if (entry.bucket === bucket - 1) {
      entry.previous = entry.current;
      entry.current = NO_USAGE;
      entry.bucket = bucket;
    }
    return entry;
  }
}
