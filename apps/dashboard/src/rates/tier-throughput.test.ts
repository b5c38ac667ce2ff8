import type { StatsSnapshot } from "@ccr/metrics";
import { describe, expect, it } from "vitest";
import { BURST, BURST_TOKENS_PER_SECOND, burstTraffic } from "../__fixtures__/burst-traffic.js";
import { healthySnapshot, T0 } from "../__fixtures__/stats-snapshots.js";
import {
  addSample,
  emptyHistory,
  MIN_SPAN_MS,
  THROUGHPUT_WINDOW_MS,
  type ThroughputHistory,
  tierRates,
} from "./tier-throughput.js";

function feed(snapshots: readonly StatsSnapshot[], history: ThroughputHistory = emptyHistory) {
  return snapshots.reduce((h, s) => addSample(h, s), history);
}

/** A snapshot whose tiers have these cumulative output tokens. */
function at(generatedAt: number, output: Record<string, number>, startedAt = T0 - 60_000): StatsSnapshot {
  const template = healthySnapshot.tiers[0]!;
  return {
    ...healthySnapshot,
    generatedAt,
    startedAt,
    tiers: Object.entries(output).map(([id, n]) => ({
      ...template,
      id,
      tokens: { ...template.tokens, output: n },
    })),
  };
}

describe("tier throughput", () => {
  it("a burst upstream: tokens over wall time, not the absurd per-stream speed", () => {
    const snapshots = burstTraffic(90);
    const last = snapshots.at(-1)!;
    // What the proxy's per-request speed says for answers sent in one burst: 18,250 tok/s.
    expect(last.tiers[0]!.outputTokensPerSecond).toBeCloseTo(BURST.tokens / (BURST.streamMs / 1000), 5);
    const rate = tierRates(feed(snapshots)).get("zai,glm-4.6");
    expect(rate).toBeCloseTo(BURST_TOKENS_PER_SECOND, 5);
    // The same figure the proxy gives for all tiers together over its last minute.
    expect(rate).toBeCloseTo(last.totals.outputTokensPerSecond, 5);
  });

  it("says nothing until it has a few seconds of history", () => {
    const snapshots = burstTraffic(10);
    const early = feed(snapshots.slice(0, MIN_SPAN_MS / 1000));
    expect(tierRates(early).get("zai,glm-4.6")).toBeNull();
    const enough = feed(snapshots.slice(0, MIN_SPAN_MS / 1000 + 1));
    expect(tierRates(enough).get("zai,glm-4.6")).toBeCloseTo(BURST_TOKENS_PER_SECOND, 5);
  });

  it("covers the last minute only: an old burst leaves the window", () => {
    let history = feed([at(T0, { a: 0 }), at(T0 + 1000, { a: 6000 })]);
    for (let s = 2; s <= 120; s++) history = addSample(history, at(T0 + s * 1000, { a: 6000 }));
    expect(tierRates(history).get("a")).toBe(0);
    expect(history[0]!.at).toBe(T0 + 120_000 - THROUGHPUT_WINDOW_MS);
    expect(history.length).toBe(THROUGHPUT_WINDOW_MS / 1000 + 1);
  });

  it("counts a tier that appears during the window from zero", () => {
    const history = feed([at(T0, { a: 100 }), at(T0 + 10_000, { a: 200, b: 50 })]);
    expect(Object.fromEntries(tierRates(history))).toEqual({ a: 10, b: 5 });
  });

  it("ignores a repeated snapshot", () => {
    const history = feed([at(T0, { a: 0 }), at(T0 + 10_000, { a: 100 })]);
    expect(addSample(history, at(T0 + 10_000, { a: 100 }))).toBe(history);
  });

  it("starts again after a proxy restart, a counter going back, or a gap longer than the window", () => {
    const history = feed([at(T0, { a: 0 }), at(T0 + 10_000, { a: 100 })]);
    const restarted = addSample(history, at(T0 + 11_000, { a: 5 }, T0 + 10_500));
    expect(restarted).toHaveLength(1);
    expect(addSample(history, at(T0 + 11_000, { a: 5 }))).toHaveLength(1);
    expect(addSample(history, at(T0 + 10_000 + THROUGHPUT_WINDOW_MS + 1, { a: 100 }))).toHaveLength(1);
    expect(tierRates(restarted).get("a")).toBeNull();
  });
});
