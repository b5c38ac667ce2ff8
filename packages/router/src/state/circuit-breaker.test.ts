import { describe, expect, it } from "vitest";
import {
  admit,
  CIRCUIT_FAILURE_THRESHOLD,
  CIRCUIT_OPEN_MS,
  claimProbe,
  describeHealth,
  type FailureFacts,
  PROBE_STALE_MS,
  recordFailure,
  recordSuccess,
  releaseProbe,
} from "./circuit-breaker.js";
import { MemoryTierStateStore } from "./memory-tier-state-store.js";
import type { TierHealthRecord } from "./tier-health.js";

const serverError: FailureFacts = {
  reason: "server_error",
  status: 500,
  message: "boom",
  countsAgainstHealth: true,
};
const rejected: FailureFacts = {
  reason: "rejected",
  status: 400,
  message: "bad",
  countsAgainstHealth: false,
};
const tier = { id: "a,m1", provider: "a", model: "m1" };

function failTimes(times: number, now: number, start?: TierHealthRecord): TierHealthRecord | undefined {
  let record = start;
  for (let i = 0; i < times; i++) record = recordFailure(record, now, serverError);
  return record;
}

describe("circuit breaker", () => {
  it("admits an unknown or healthy tier", () => {
    expect(admit(undefined, 0)).toEqual({ kind: "allow" });
    expect(admit(recordSuccess(undefined, 10), 0)).toEqual({ kind: "allow" });
  });

  it(`opens after ${CIRCUIT_FAILURE_THRESHOLD} consecutive health failures, for ${CIRCUIT_OPEN_MS} ms`, () => {
    const almost = failTimes(CIRCUIT_FAILURE_THRESHOLD - 1, 1000);
    expect(almost?.circuit).toBe("closed");
    expect(admit(almost, 1000).kind).toBe("allow");
    const open = recordFailure(almost, 1000, serverError);
    expect(open).toMatchObject({
      circuit: "open",
      openUntil: 1000 + CIRCUIT_OPEN_MS,
      consecutiveFailures: 5,
    });
    expect(admit(open, 1000 + CIRCUIT_OPEN_MS - 1)).toEqual({
      kind: "skip",
      reason: "circuit_open",
      until: 1000 + CIRCUIT_OPEN_MS,
    });
    expect(admit(open, 1000 + CIRCUIT_OPEN_MS)).toEqual({ kind: "probe" });
  });

  it("does not count rejections of the request, and a success resets the count", () => {
    const record = failTimes(4, 0);
    expect(recordFailure(record, 0, rejected)).toMatchObject({ circuit: "closed", consecutiveFailures: 4 });
    expect(recordSuccess(record, 50)).toMatchObject({ circuit: "closed", consecutiveFailures: 0 });
  });

  it("half-open: one probe; its success closes, its failure re-opens, an inconclusive end releases it", () => {
    const open = failTimes(5, 0);
    const later = CIRCUIT_OPEN_MS;
    const probing = claimProbe(open, later);
    expect(probing).toMatchObject({ circuit: "half_open", probeStartedAt: later });
    expect(admit(probing, later)).toEqual({ kind: "skip", reason: "circuit_open" });
    expect(claimProbe(probing, later)).toBe(probing);

    expect(recordSuccess(probing, 20)).toMatchObject({ circuit: "closed", consecutiveFailures: 0 });
    expect(recordFailure(probing, later, serverError)).toMatchObject({
      circuit: "open",
      openUntil: later + CIRCUIT_OPEN_MS,
    });
    const released = releaseProbe(probing, later + 5);
    expect(released).toMatchObject({ circuit: "open", openUntil: later + 5 });
    expect(admit(released, later + 5)).toEqual({ kind: "probe" });
    expect(admit(recordFailure(probing, later, rejected), later)).toEqual({ kind: "probe" });
  });

  it("lets another request probe when a probe never reported back", () => {
    const probing = claimProbe(failTimes(5, 0), CIRCUIT_OPEN_MS);
    expect(admit(probing, CIRCUIT_OPEN_MS + PROBE_STALE_MS)).toEqual({ kind: "probe" });
  });

  it("grants exactly one probe to concurrent requests through the store's atomic update", async () => {
    let now = 0;
    const store = new MemoryTierStateStore({ now: () => now });
    for (let i = 0; i < 5; i++)
      await store.update("t", (current) => recordFailure(current, now, serverError), 60_000);
    now = CIRCUIT_OPEN_MS;
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => store.update("t", (current) => claimProbe(current, now), 60_000)),
    );
    expect(claims.filter((claim) => admit(claim.before, now).kind === "probe")).toHaveLength(1);
  });

  it("cools a tier until the given time, keeping the later of two cooldowns", () => {
    const cooled = recordFailure(undefined, 0, {
      reason: "rate_limited",
      message: "slow down",
      countsAgainstHealth: false,
      cooldownUntil: 9000,
    });
    expect(admit(cooled, 8999)).toEqual({ kind: "skip", reason: "cooling", until: 9000 });
    expect(admit(cooled, 9000)).toEqual({ kind: "allow" });
    const shorter = recordFailure(cooled, 100, {
      reason: "rate_limited",
      message: "",
      countsAgainstHealth: false,
      cooldownUntil: 5000,
    });
    expect(shorter.cooldownUntil).toBe(9000);
  });

  it("keeps a latency EWMA", () => {
    expect(recordSuccess(recordSuccess(undefined, 100), 200).latencyEwmaMs).toBeCloseTo(130);
  });

  it("describes health for people", () => {
    expect(describeHealth(tier, undefined, 0)).toMatchObject({ state: "healthy", tier: "a,m1" });
    expect(describeHealth(tier, failTimes(5, 0), 10)).toMatchObject({
      state: "open",
      until: CIRCUIT_OPEN_MS,
    });
    expect(describeHealth(tier, failTimes(5, 0), CIRCUIT_OPEN_MS)).toMatchObject({ state: "half_open" });
    const cooled = recordFailure(undefined, 0, { ...rejected, reason: "auth", cooldownUntil: 500 });
    expect(describeHealth(tier, cooled, 10)).toMatchObject({
      state: "cooling",
      until: 500,
      lastError: { reason: "auth", status: 400 },
    });
  });
});

describe("MemoryTierStateStore", () => {
  it("expires records ttl after their last update", async () => {
    let now = 0;
    const store = new MemoryTierStateStore({ now: () => now });
    await store.update("t", (current) => recordFailure(current, now, serverError), 1000);
    expect((await store.get("t"))?.consecutiveFailures).toBe(1);
    now = 999;
    expect(await store.getMany(["t", "other"])).toEqual([
      expect.objectContaining({ consecutiveFailures: 1 }),
      undefined,
    ]);
    now = 1000;
    expect(await store.get("t")).toBeUndefined();
  });
});
