import { describe, expect, it } from "vitest";
import {
  CHAIN,
  DEEPSEEK,
  fakeClock,
  MINIMAX,
  playSampleTraffic,
  ZAI,
} from "./__fixtures__/sample-traffic.js";
import { createMetrics } from "./create-metrics.js";
import type { FallbackEvent, MetricsSink, TierStats } from "./index.js";

const prices = {
  "zai,glm-4.6": { input: 0.6, output: 2.2 },
  "deepseek-chat": { input: 0.27, output: 1.1, cacheRead: 0.07 },
};

function setup() {
  const clock = fakeClock();
  const metrics = createMetrics({ now: clock.now, prices });
  metrics.setChain(CHAIN);
  return { clock, metrics };
}

function tierOf(tiers: readonly TierStats[], id: string): TierStats {
  const tier = tiers.find((t) => t.id === id);
  if (!tier) throw new Error(`no tier ${id}`);
  return tier;
}

describe("createMetrics", () => {
  it("lists configured tiers in chain order before any traffic", () => {
    const { metrics } = setup();
    const snapshot = metrics.snapshot();
    expect(snapshot.tiers.map((t) => [t.id, t.position, t.state])).toEqual([
      ["zai,glm-4.6", 0, "healthy"],
      ["deepseek,deepseek-chat", 1, "healthy"],
      ["minimax,MiniMax-M2", 2, "healthy"],
    ]);
    expect(snapshot.totals.requests).toBe(0);
    expect(snapshot.totals.successRate).toBeNull();
    expect(snapshot.tiers[0]?.successRate).toBeNull();
  });

  it("counts requests, attempts, failures, retries and fallbacks per tier", () => {
    const { clock, metrics } = setup();
    playSampleTraffic(metrics, clock);
    const { totals, tiers } = metrics.snapshot();
    expect(totals).toMatchObject({ requests: 3, ok: 3, failed: 0, successRate: 1, retries: 1, fallbacks: 2 });
    const zai = tierOf(tiers, ZAI.tier);
    expect(zai.requests).toEqual({ ok: 1, failed: 3 });
    expect(zai.successRate).toBe(0.25);
    expect(zai.failures).toEqual({ rate_limited: 1, overloaded: 2 });
    expect(zai.retries).toBe(1);
    expect(zai.fallbacks).toBe(2);
    expect(zai.rateLimitHits).toBe(1);
    expect(zai.lastError).toEqual({ reason: "overloaded", at: clock.now() - 300, status: 529 });
    const deepseek = tierOf(tiers, DEEPSEEK.tier);
    expect(deepseek.requests).toEqual({ ok: 2, failed: 0 });
    expect(deepseek.lastError).toBeNull();
  });

  it("tracks EWMA latency of successful attempts, TTFT quantiles and generation speed", () => {
    const { clock, metrics } = setup();
    playSampleTraffic(metrics, clock);
    const deepseek = tierOf(metrics.snapshot().tiers, DEEPSEEK.tier);
    expect(deepseek.ewmaLatencyMs).toBeCloseTo(500 + 0.3 * (200 - 500));
    expect(deepseek.ttftMs).toEqual({ p50: 580, p90: 580, samples: 1 });
    const zai = tierOf(metrics.snapshot().tiers, ZAI.tier);
    expect(zai.ewmaLatencyMs).toBe(300);
    expect(zai.outputTokensPerSecond).toBe(40);
    expect(deepseek.outputTokensPerSecond).toBeNull();
  });

  it("sums tokens and prices them by tier id or model name", () => {
    const { clock, metrics } = setup();
    playSampleTraffic(metrics, clock);
    const { totals, tiers } = metrics.snapshot();
    expect(totals.tokens).toEqual({ input: 2560, output: 246, cacheRead: 500, cacheCreation: 0 });
    expect(tierOf(tiers, ZAI.tier).costUsd).toBeCloseTo((1000 * 0.6 + 36 * 2.2) / 1e6);
    expect(tierOf(tiers, DEEPSEEK.tier).costUsd).toBeCloseTo((1560 * 0.27 + 210 * 1.1 + 500 * 0.07) / 1e6);
    expect(tierOf(tiers, MINIMAX.tier).costUsd).toBe(0);
    expect(totals.costUsd).toBeCloseTo(tiers.reduce((sum, t) => sum + t.costUsd, 0));
  });

  it("measures token drift against the whole prompt the provider counted, cache included", () => {
    const { clock, metrics } = setup();
    playSampleTraffic(metrics, clock);
    const { tiers } = metrics.snapshot();
    expect(tierOf(tiers, ZAI.tier).drift).toMatchObject({ samples: 1, lastPct: 10, level: "warning" });
    expect(tierOf(tiers, DEEPSEEK.tier).drift).toMatchObject({
      samples: 2,
      cumulativeLocal: 2050,
      cumulativeUpstream: 2060,
      cumulativePct: -0.5,
      level: "ok",
      lastPct: -16.7,
      lastLevel: "warning",
    });
    expect(tierOf(tiers, MINIMAX.tier).drift).toBeNull();
  });

  it("counts per scenario and client protocol, and keeps a log of fallbacks and failures", () => {
    const { clock, metrics } = setup();
    playSampleTraffic(metrics, clock);
    const { scenarios, protocols, recent } = metrics.snapshot();
    expect(scenarios).toEqual([
      { scenario: "default", requests: 2, ok: 2, failed: 0 },
      { scenario: "background", requests: 1, ok: 1, failed: 0 },
    ]);
    expect(protocols).toEqual([
      { protocol: "anthropic", requests: 2, ok: 2, failed: 0 },
      { protocol: "openai-chat", requests: 1, ok: 1, failed: 0 },
    ]);
    expect(recent.map((e) => [e.kind, e.from, e.to, e.reason])).toEqual([
      ["failure", ZAI.tier, undefined, "rate_limited"],
      ["fallback", ZAI.tier, DEEPSEEK.tier, "rate_limited"],
      ["failure", ZAI.tier, undefined, "overloaded"],
      ["failure", ZAI.tier, undefined, "overloaded"],
      ["fallback", ZAI.tier, DEEPSEEK.tier, "overloaded"],
    ]);
  });

  it("bounds the recent-events log", () => {
    const metrics = createMetrics({ recentEvents: 3 });
    for (let i = 0; i < 10; i++) {
      metrics.fallback({
        requestId: `r${i}`,
        scenario: "default",
        from: ZAI,
        to: DEEPSEEK,
        reason: "overloaded",
      });
    }
    expect(metrics.snapshot().recent.map((e) => e.requestId)).toEqual(["r7", "r8", "r9"]);
  });

  it("folds repeated skips into one log entry until a real failure or fallback", () => {
    const { clock, metrics } = setup();
    const t0 = clock.now();
    const fallback = (requestId: string, reason: FallbackEvent["reason"], from = ZAI, to = DEEPSEEK) => {
      clock.advance(100);
      metrics.fallback({ requestId, scenario: "default", from, to, reason });
    };
    for (const id of ["a", "b", "c"]) {
      fallback(id, "cooling");
      fallback(id, "circuit_open", DEEPSEEK, MINIMAX);
    }
    fallback("d", "overloaded");
    fallback("e", "cooling");
    fallback("f", "cooling");
    const { recent, totals } = metrics.snapshot();
    expect(recent.map((e) => [e.requestId, e.from, e.reason, e.count, e.at - t0])).toEqual([
      ["a", ZAI.tier, "cooling", 3, 100],
      ["a", DEEPSEEK.tier, "circuit_open", 3, 200],
      ["d", ZAI.tier, "overloaded", 1, 700],
      ["e", ZAI.tier, "cooling", 2, 800],
    ]);
    expect(recent.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(totals.fallbacks).toBe(9);
    metrics.attemptEnd({
      ...ZAI,
      requestId: "g",
      scenario: "default",
      attempt: 0,
      ok: false,
      reason: "auth",
      durationMs: 1,
    });
    fallback("h", "cooling");
    expect(
      metrics
        .snapshot()
        .recent.slice(-2)
        .map((e) => [e.requestId, e.count]),
    ).toEqual([
      ["g", 1],
      ["h", 1],
    ]);
    expect(recent[3]?.count).toBe(2);
  });

  it("keeps per-second series of requests and mean latency", () => {
    const { clock, metrics } = setup();
    playSampleTraffic(metrics, clock);
    const { series } = metrics.snapshot();
    expect(series.requests).toHaveLength(600);
    expect(series.intervalMs).toBe(1000);
    expect(series.endAt).toBe(Math.floor(clock.now() / 1000) * 1000);
    const recent = series.requests.slice(-5);
    expect(recent.reduce((a, b) => a + b, 0)).toBe(3);
    const latencies = series.latencyMs.filter((v) => v !== null);
    expect(latencies.sort()).toEqual([1200, 300, 580].sort());
  });

  it("tracks active requests and streams until each request ends", () => {
    const { metrics } = setup();
    metrics.requestStart({
      requestId: "a",
      scenario: "default",
      stream: true,
      estimatedInputTokens: 1,
      chain: CHAIN,
    });
    metrics.requestStart({
      requestId: "b",
      scenario: "default",
      stream: false,
      estimatedInputTokens: 1,
      chain: CHAIN,
    });
    metrics.streamStart({ ...ZAI, requestId: "a" });
    metrics.streamStart({ ...ZAI, requestId: "a" });
    expect(metrics.snapshot().totals).toMatchObject({ activeRequests: 2, activeStreams: 1 });
    const end = {
      scenario: "default",
      stream: true,
      tier: ZAI,
      status: 200,
      durationMs: 5,
      attempts: 1,
      estimatedInputTokens: 1,
    };
    metrics.requestEnd({ ...end, requestId: "a", outcome: "aborted" });
    metrics.requestEnd({ ...end, requestId: "a", outcome: "aborted" });
    expect(metrics.snapshot().totals).toMatchObject({ activeRequests: 1, activeStreams: 0, failed: 2 });
    metrics.requestEnd({ ...end, requestId: "b", outcome: "ok" });
    expect(metrics.snapshot().totals).toMatchObject({ activeRequests: 0, activeStreams: 0 });
  });

  describe("tier state", () => {
    it("is cooling until the cooldown ends, then healthy", () => {
      const { clock, metrics } = setup();
      metrics.cooldown({ ...ZAI, until: clock.now() + 5000, reason: "rate_limited" });
      expect(tierOf(metrics.snapshot().tiers, ZAI.tier)).toMatchObject({
        state: "cooling",
        until: clock.now() + 5000,
      });
      clock.advance(5000);
      expect(tierOf(metrics.snapshot().tiers, ZAI.tier)).toMatchObject({ state: "healthy", until: null });
    });

    it("follows the circuit: open, half-open once its cooldown passed, closed", () => {
      const { clock, metrics } = setup();
      metrics.circuit({ ...DEEPSEEK, state: "open", until: clock.now() + 10_000 });
      expect(tierOf(metrics.snapshot().tiers, DEEPSEEK.tier)).toMatchObject({
        state: "open",
        until: clock.now() + 10_000,
      });
      clock.advance(10_000);
      expect(tierOf(metrics.snapshot().tiers, DEEPSEEK.tier).state).toBe("half_open");
      metrics.circuit({ ...DEEPSEEK, state: "half_open" });
      expect(tierOf(metrics.snapshot().tiers, DEEPSEEK.tier).state).toBe("half_open");
      metrics.circuit({ ...DEEPSEEK, state: "closed" });
      expect(tierOf(metrics.snapshot().tiers, DEEPSEEK.tier).state).toBe("healthy");
    });

    it("takes the router's view of health when given", () => {
      const { clock, metrics } = setup();
      const snapshot = metrics.snapshot({
        tierStates: [{ tier: MINIMAX.tier, state: "open", until: clock.now() + 1 }],
      });
      expect(tierOf(snapshot.tiers, MINIMAX.tier)).toMatchObject({ state: "open", until: clock.now() + 1 });
      expect(tierOf(snapshot.tiers, ZAI.tier).state).toBe("healthy");
    });
  });

  it("keeps every recorded value across a config reload that changes the chain", () => {
    const { clock, metrics } = setup();
    playSampleTraffic(metrics, clock);
    const before = tierOf(metrics.snapshot().tiers, ZAI.tier);
    metrics.setChain([MINIMAX, ZAI]);
    const after = metrics.snapshot();
    expect(after.tiers.map((t) => [t.id, t.position])).toEqual([
      [MINIMAX.tier, 0],
      [ZAI.tier, 1],
      [DEEPSEEK.tier, 1],
    ]);
    expect(tierOf(after.tiers, ZAI.tier)).toEqual({ ...before, position: 1 });
  });

  it("orders tiers seen only in request chains after the configured ones", () => {
    const metrics = createMetrics();
    metrics.setChain([DEEPSEEK]);
    metrics.requestStart({
      requestId: "x",
      scenario: "think",
      stream: false,
      estimatedInputTokens: 1,
      chain: [MINIMAX, ZAI],
    });
    expect(metrics.snapshot().tiers.map((t) => [t.id, t.position])).toEqual([
      [DEEPSEEK.tier, 0],
      [MINIMAX.tier, 0],
      [ZAI.tier, 1],
    ]);
  });

  it("never throws on odd input, as the sink contract requires", () => {
    const metrics: MetricsSink = createMetrics();
    const bad = { tier: "t", provider: "p", model: "m" };
    expect(() => {
      metrics.requestEnd({
        requestId: "nope",
        scenario: "default",
        stream: false,
        tier: bad,
        outcome: "ok",
        status: 200,
        durationMs: Number.NaN,
        attempts: 1,
        usage: { inputTokens: -5, outputTokens: Number.NaN, cacheReadTokens: 0, cacheCreationTokens: 0 },
        estimatedInputTokens: 10,
      });
      metrics.firstToken({ ...bad, requestId: "nope", scenario: "default", ttftMs: -1 });
      metrics.streamStart({ ...bad, requestId: "never-started" });
    }).not.toThrow();
  });

  it("gives each instance its own registry", async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.retry({ ...ZAI, requestId: "r", scenario: "default", reason: "overloaded", delayMs: 1 });
    expect(await a.prometheus()).toContain('ccr_retries_total{tier="zai,glm-4.6"');
    expect(await b.prometheus()).not.toContain('ccr_retries_total{tier="zai,glm-4.6"');
  });
});
