import { describe, expect, it } from "vitest";
import { CHAIN, fakeClock, ZAI } from "./__fixtures__/sample-traffic.js";
import { createMetrics } from "./create-metrics.js";

function setup() {
  const clock = fakeClock();
  const metrics = createMetrics({ now: clock.now });
  metrics.setChain(CHAIN);
  const attempt = { ...ZAI, requestId: "r", scenario: "default", attempt: 0, durationMs: 5 };
  metrics.attemptEnd({ ...attempt, key: "zai#1", ok: false, reason: "rate_limited", status: 429 });
  metrics.cooldown({ ...ZAI, key: "zai#1", until: clock.now() + 30_000, reason: "rate_limited" });
  metrics.attemptEnd({ ...attempt, key: "zai#2", ok: true, status: 200 });
  return { clock, metrics };
}

describe("key pools in the snapshot", () => {
  it("lists a tier's keys from the events alone, the tier itself not cooling", () => {
    const { clock, metrics } = setup();
    const zai = metrics.snapshot().tiers.find((tier) => tier.id === ZAI.tier)!;
    expect(zai.state).toBe("healthy");
    expect(zai.keys).toEqual([
      {
        id: "zai#1",
        state: "cooling",
        until: clock.now() + 30_000,
        requests: { ok: 0, failed: 1 },
        rateLimitHits: 1,
        rpm: null,
        tpm: null,
        lastError: { reason: "rate_limited", status: 429, at: clock.now() },
      },
      {
        id: "zai#2",
        state: "ready",
        until: null,
        requests: { ok: 1, failed: 0 },
        rateLimitHits: 0,
        rpm: null,
        tpm: null,
        lastError: null,
      },
    ]);
    expect(metrics.snapshot().tiers.find((tier) => tier.id !== ZAI.tier)?.keys).toBeUndefined();
    expect(metrics.snapshot().recent.at(-1)).toMatchObject({
      kind: "failure",
      key: "zai#1",
      reason: "rate_limited",
    });
  });

  it("takes every key, its state and budgets from the router's health, with the counts seen here", () => {
    const { clock, metrics } = setup();
    const until = clock.now() + 60_000;
    const zai = metrics
      .snapshot({
        tierStates: [
          {
            tier: ZAI.tier,
            state: "healthy",
            keys: [
              { id: "zai#1", state: "cooling", until },
              { id: "zai#2", state: "ready", rpm: { used: 3, limit: 50 } },
              {
                id: "zai#3",
                state: "out",
                until,
                lastError: { reason: "auth", status: 401, at: clock.now() },
              },
            ],
          },
        ],
      })
      .tiers.find((tier) => tier.id === ZAI.tier)!;
    expect(zai.keys?.map((key) => [key.id, key.state, key.until, key.requests.ok, key.rpm])).toEqual([
      ["zai#1", "cooling", until, 0, null],
      ["zai#2", "ready", null, 1, { used: 3, limit: 50 }],
      ["zai#3", "out", until, 0, null],
    ]);
    expect(zai.keys?.[2]?.lastError).toEqual({ reason: "auth", status: 401, at: clock.now() });
  });
});
