import type { StatsSnapshot, TierStats } from "@ccr/metrics";

/** 2023-11-14 22:13:20 UTC: every frame is rendered at this proxy time (tests run with TZ=UTC). */
export const T0 = 1_700_000_000_000;

function tier(overrides: Partial<TierStats> & Pick<TierStats, "id" | "position">): TierStats {
  const [provider = "", model = ""] = overrides.id.split(",");
  return {
    provider,
    model,
    state: "healthy",
    until: null,
    requests: { ok: 0, failed: 0 },
    successRate: null,
    failures: {},
    retries: 0,
    fallbacks: 0,
    rateLimitHits: 0,
    ewmaLatencyMs: null,
    ttftMs: { p50: null, p90: null, samples: 0 },
    outputTokensPerSecond: null,
    tokens: { input: 0, output: 0, cacheRead: 0, cacheCreation: 0 },
    costUsd: 0,
    lastError: null,
    drift: null,
    ...overrides,
  };
}

function wave(length: number, period: number, scale: number): number[] {
  return Array.from({ length }, (_, i) => Math.max(0, Math.round(scale * (1 + Math.sin((i / period) * Math.PI * 2)))));
}

const requests = wave(600, 120, 2);

const base: StatsSnapshot = {
  generatedAt: T0,
  startedAt: T0 - 3_725_000,
  uptimeSeconds: 3725,
  totals: {
    requests: 1234,
    ok: 1221,
    failed: 13,
    successRate: 1221 / 1234,
    activeRequests: 3,
    activeStreams: 2,
    retries: 9,
    fallbacks: 21,
    tokens: { input: 1_234_567, output: 88_123, cacheRead: 400_000, cacheCreation: 12_000 },
    costUsd: 1.234,
    requestsPerSecond: 0.42,
    outputTokensPerSecond: 41.7,
  },
  tiers: [
    tier({
      id: "zai,glm-4.6",
      position: 0,
      requests: { ok: 1100, failed: 4 },
      successRate: 1100 / 1104,
      failures: { overloaded: 4 },
      ewmaLatencyMs: 1240,
      ttftMs: { p50: 450, p90: 1200, samples: 256 },
      outputTokensPerSecond: 48.2,
      tokens: { input: 1_100_000, output: 80_000, cacheRead: 400_000, cacheCreation: 12_000 },
      costUsd: 1.1,
      drift: {
        samples: 1100,
        cumulativeLocal: 1_155_000,
        cumulativeUpstream: 1_100_000,
        cumulativePct: 5,
        lastLocal: 1100,
        lastUpstream: 1000,
        lastPct: 10,
        level: "ok",
        lastLevel: "warning",
      },
    }),
    tier({
      id: "deepseek,deepseek-chat",
      position: 1,
      requests: { ok: 121, failed: 0 },
      successRate: 1,
      ewmaLatencyMs: 2310,
      ttftMs: { p50: 880, p90: 1900, samples: 121 },
      outputTokensPerSecond: 31,
      tokens: { input: 134_567, output: 8123, cacheRead: 0, cacheCreation: 0 },
      costUsd: 0.134,
      drift: {
        samples: 121,
        cumulativeLocal: 160_000,
        cumulativeUpstream: 134_567,
        cumulativePct: 18.9,
        lastLocal: 1300,
        lastUpstream: 1000,
        lastPct: 30,
        level: "warning",
        lastLevel: "critical",
      },
    }),
    tier({ id: "minimax,MiniMax-M2", position: 2 }),
  ],
  scenarios: [
    { scenario: "default", requests: 1000, ok: 990, failed: 10 },
    { scenario: "background", requests: 234, ok: 231, failed: 3 },
  ],
  protocols: [
    { protocol: "anthropic", requests: 1200, ok: 1188, failed: 12 },
    { protocol: "openai-responses", requests: 34, ok: 33, failed: 1 },
  ],
  recent: [
    { seq: 1, at: T0 - 50_000, kind: "failure", requestId: "a", from: "zai,glm-4.6", reason: "overloaded", status: 529, count: 1 },
    { seq: 2, at: T0 - 49_900, kind: "fallback", requestId: "a", from: "zai,glm-4.6", to: "deepseek,deepseek-chat", reason: "overloaded", count: 1 },
  ],
  series: {
    intervalMs: 1000,
    endAt: T0,
    requests,
    latencyMs: requests.map((n, i) => (n === 0 ? null : 800 + (i % 60) * 20)),
  },
  proxy: { version: "0.1.0", startedAt: T0 - 3_725_000, host: "127.0.0.1", port: 3456, pid: 4242 },
};

export const healthySnapshot: StatsSnapshot = base;

/** zai rate-limited and cooling for 42 s, minimax's circuit open for 90 s, a burst of failures in the log. */
export const failingSnapshot: StatsSnapshot = {
  ...base,
  tiers: [
    {
      ...(base.tiers[0] as TierStats),
      state: "cooling",
      until: T0 + 42_000,
      requests: { ok: 1100, failed: 30 },
      failures: { overloaded: 4, rate_limited: 26 },
      rateLimitHits: 26,
      lastError: { reason: "rate_limited", at: T0 - 2000, status: 429, message: "Too many requests" },
    },
    base.tiers[1] as TierStats,
    {
      ...(base.tiers[2] as TierStats),
      state: "open",
      until: T0 + 90_000,
      requests: { ok: 0, failed: 5 },
      successRate: 0,
      failures: { connection: 5 },
      lastError: { reason: "connection", at: T0 - 10_000 },
    },
  ],
  recent: [
    ...base.recent,
    { seq: 3, at: T0 - 10_000, kind: "failure", requestId: "b", from: "minimax,MiniMax-M2", reason: "connection", count: 1 },
    { seq: 4, at: T0 - 9_000, kind: "fallback", requestId: "b", from: "minimax,MiniMax-M2", to: "zai,glm-4.6", reason: "connection", count: 1 },
    { seq: 5, at: T0 - 2_000, kind: "failure", requestId: "c", from: "zai,glm-4.6", reason: "rate_limited", status: 429, count: 1 },
    { seq: 6, at: T0 - 1_900, kind: "fallback", requestId: "c", from: "zai,glm-4.6", to: "deepseek,deepseek-chat", reason: "rate_limited", count: 1 },
    { seq: 7, at: T0 - 500, kind: "fallback", requestId: "d", from: "zai,glm-4.6", to: "deepseek,deepseek-chat", reason: "cooling", count: 12 },
  ],
};

/** Twelve tiers, more than a short terminal has rows for: the table must trim and say so. */
export const manyTiersSnapshot: StatsSnapshot = {
  ...failingSnapshot,
  tiers: [
    ...failingSnapshot.tiers,
    ...Array.from({ length: 9 }, (_, i) =>
      tier({
        id: `openrouter,model-${i + 3}`,
        position: i + 3,
        requests: { ok: 10 + i, failed: 0 },
        successRate: 1,
        ewmaLatencyMs: 900 + i * 10,
      }),
    ),
  ],
};
