import type { UsageCounts } from "@ccr/router";
import { describe, expect, it } from "vitest";
import {
  KeyUsageCounters,
  type UsageDelta,
  type UsageExchange,
  type UsageRead,
} from "./key-usage-counters.js";

const MINUTE = 60_000;

/** What Redis does with the exchanges: per key and minute, the sum of every delta any replica sent. */
function fakeRedis() {
  const totals = new Map<string, UsageCounts>();
  const calls: Array<{ deltas: readonly UsageDelta[]; reads: readonly UsageRead[] }> = [];
  const exchange: UsageExchange = async (deltas, reads) => {
    calls.push({ deltas, reads });
    for (const delta of deltas) {
      const id = `${delta.keyId}:${delta.bucket}`;
      const total = totals.get(id) ?? { requests: 0, tokens: 0 };
      totals.set(id, { requests: total.requests + delta.requests, tokens: total.tokens + delta.tokens });
    }
    return reads.map((read) => totals.get(`${read.keyId}:${read.bucket}`) ?? { requests: 0, tokens: 0 });
  };
  return { exchange, calls };
}

describe("KeyUsageCounters", () => {
  it("reads what this replica added at once, and what others added once both flushed", async () => {
    const clock = { now: 10 * MINUTE + 5_000 };
    const redis = fakeRedis();
    const a = new KeyUsageCounters(() => clock.now);
    const b = new KeyUsageCounters(() => clock.now);
    a.add("z#1", clock.now, { requests: 1, tokens: 100 });
    a.add("z#1", clock.now, { requests: 1, tokens: -20 });
    expect(a.buckets("z#1", clock.now).current).toEqual({ requests: 2, tokens: 80 });
    expect(b.buckets("z#1", clock.now).current).toEqual({ requests: 0, tokens: 0 });
    await a.flush(redis.exchange);
    await b.flush(redis.exchange);
    expect(b.buckets("z#1", clock.now).current).toEqual({ requests: 2, tokens: 80 });
    // Not counted twice on the replica that sent it.
    expect(a.buckets("z#1", clock.now).current).toEqual({ requests: 2, tokens: 80 });
    b.add("z#1", clock.now, { requests: 1, tokens: 10 });
    await b.flush(redis.exchange);
    await a.flush(redis.exchange);
    expect(a.buckets("z#1", clock.now).current).toEqual({ requests: 3, tokens: 90 });
  });

  it("sends each delta once, keeps what was added during a flush, and retries after a failure", async () => {
    const clock = { now: 10 * MINUTE };
    const redis = fakeRedis();
    const a = new KeyUsageCounters(() => clock.now);
    a.add("z#1", clock.now, { requests: 1, tokens: 5 });
    await expect(a.flush(async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(a.buckets("z#1", clock.now).current).toEqual({ requests: 1, tokens: 5 });
    let addDuring = true;
    await a.flush(async (deltas, reads) => {
      if (addDuring) a.add("z#1", clock.now, { requests: 1, tokens: 7 });
      addDuring = false;
      return redis.exchange(deltas, reads);
    });
    expect(redis.calls[0]?.deltas).toEqual([{ keyId: "z#1", bucket: 10, requests: 1, tokens: 5 }]);
    expect(a.buckets("z#1", clock.now).current).toEqual({ requests: 2, tokens: 12 });
    await a.flush(redis.exchange);
    expect(redis.calls[1]?.deltas).toEqual([{ keyId: "z#1", bucket: 10, requests: 1, tokens: 7 }]);
    await a.flush(redis.exchange);
    expect(redis.calls[2]?.deltas).toEqual([]);
    expect(a.buckets("z#1", clock.now).current).toEqual({ requests: 2, tokens: 12 });
  });

  it("reads the current and previous minute, forgets older ones and keys nobody uses", async () => {
    const clock = { now: 10 * MINUTE };
    const redis = fakeRedis();
    const a = new KeyUsageCounters(() => clock.now);
    a.add("z#1", clock.now, { requests: 4, tokens: 0 });
    await a.flush(redis.exchange);
    clock.now += MINUTE;
    await a.flush(redis.exchange);
    expect(a.buckets("z#1", clock.now)).toEqual({
      current: { requests: 0, tokens: 0 },
      previous: { requests: 4, tokens: 0 },
    });
    clock.now += 10 * MINUTE;
    await a.flush(redis.exchange);
    const before = redis.calls.length;
    await a.flush(redis.exchange);
    // Nothing counted or read for ten minutes: nothing to exchange, no call.
    expect(redis.calls.length).toBe(before);
  });
});
