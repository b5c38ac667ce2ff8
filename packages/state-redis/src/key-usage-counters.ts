import {
  type KeyUsageBuckets,
  NO_USAGE,
  USAGE_BUCKET_MS,
  type UsageCounts,
  usageBucketOf,
} from "@ccr/router";

/** A change to one key's counter in one minute, on its way to Redis. */
export interface UsageDelta extends UsageCounts {
  readonly keyId: string;
  readonly bucket: number;
}

/** One key's counter in one minute, asked of Redis. */
export interface UsageRead {
  readonly keyId: string;
  readonly bucket: number;
}

/** Sends the deltas (added atomically in Redis) and answers the fleet's totals of the reads, in order. */
export type UsageExchange = (
  deltas: readonly UsageDelta[],
  reads: readonly UsageRead[],
) => Promise<readonly UsageCounts[]>;

/** A key nobody counted or read for this long is forgotten (its provider left the config, say). */
const IDLE_KEY_MS = 3 * USAGE_BUCKET_MS;

/**
 * Budget counters of pooled keys without a round trip per request: counts are added here, and every
 * flush sends what was added since (one script for every key) and brings back the fleet's totals of the
 * current and previous minute. A read is the fleet's totals as of the last flush plus what this replica
 * added since, so other replicas' requests show up within a flush interval of theirs and one of ours.
 * While Redis is away the deltas wait (for the minutes that still count) and reads are this replica's.
 */
export class KeyUsageCounters {
  readonly #now: () => number;
  /** key id → minute → counts not yet acknowledged by Redis. */
  readonly #pending = new Map<string, Map<number, UsageCounts>>();
  /** key id → minute → the fleet's totals at the last flush (ours included). */
  readonly #fleet = new Map<string, Map<number, UsageCounts>>();
  /** key id → when it was last counted or read. */
  readonly #touched = new Map<string, number>();
  #flushing = false;

  constructor(now: () => number) {
    this.#now = now;
  }

  add(keyId: string, now: number, usage: UsageCounts): void {
    this.#touched.set(keyId, now);
    const bucket = usageBucketOf(now);
    let minutes = this.#pending.get(keyId);
    if (!minutes) {
      minutes = new Map();
      this.#pending.set(keyId, minutes);
    }
    minutes.set(bucket, plus(minutes.get(bucket) ?? NO_USAGE, usage));
  }

  buckets(keyId: string, now: number): KeyUsageBuckets {
    this.#touched.set(keyId, now);
    const bucket = usageBucketOf(now);
    return { current: this.#count(keyId, bucket), previous: this.#count(keyId, bucket - 1) };
  }

  /** One exchange with Redis, unless one is under way or nothing is counted; throws what the exchange throws. */
  async flush(exchange: UsageExchange): Promise<void> {
    if (this.#flushing) return;
    const now = this.#now();
    const bucket = usageBucketOf(now);
    this.#forget(now, bucket);
    const deltas: UsageDelta[] = [];
    for (const [keyId, minutes] of this.#pending) {
      for (const [minute, counts] of minutes) {
        if (counts.requests !== 0 || counts.tokens !== 0)
          deltas.push({
            keyId,
            bucket: minute,
            requests: Math.round(counts.requests),
            tokens: Math.round(counts.tokens),
          });
      }
    }
    const reads: UsageRead[] = [...this.#touched.keys()].flatMap((keyId) => [
      { keyId, bucket },
      { keyId, bucket: bucket - 1 },
    ]);
    if (deltas.length === 0 && reads.length === 0) return;
    this.#flushing = true;
    try {
      const totals = await exchange(deltas, reads);
      for (const delta of deltas) {
        const minutes = this.#pending.get(delta.keyId);
        const left = minus(minutes?.get(delta.bucket) ?? NO_USAGE, delta);
        if (left.requests === 0 && left.tokens === 0) minutes?.delete(delta.bucket);
        else minutes?.set(delta.bucket, left);
      }
      reads.forEach((read, index) => {
        let minutes = this.#fleet.get(read.keyId);
        if (!minutes) {
          minutes = new Map();
          this.#fleet.set(read.keyId, minutes);
        }
        minutes.set(read.bucket, totals[index] ?? NO_USAGE);
      });
    } finally {
      this.#flushing = false;
    }
  }

  #count(keyId: string, bucket: number): UsageCounts {
    return plus(
      this.#fleet.get(keyId)?.get(bucket) ?? NO_USAGE,
      this.#pending.get(keyId)?.get(bucket) ?? NO_USAGE,
    );
  }

  /** Drops minutes that no longer count and keys nobody used for a while. */
  #forget(now: number, bucket: number): void {
    for (const [keyId, at] of this.#touched) {
      if (now - at <= IDLE_KEY_MS) continue;
      this.#touched.delete(keyId);
      this.#pending.delete(keyId);
      this.#fleet.delete(keyId);
    }
    for (const table of [this.#pending, this.#fleet])
      for (const minutes of table.values())
        for (const minute of minutes.keys()) if (minute < bucket - 1) minutes.delete(minute);
  }
}

function plus(a: UsageCounts, b: UsageCounts): UsageCounts {
  return { requests: a.requests + b.requests, tokens: a.tokens + b.tokens };
}

function minus(a: UsageCounts, b: UsageCounts): UsageCounts {
  return { requests: a.requests - b.requests, tokens: a.tokens - b.tokens };
}
