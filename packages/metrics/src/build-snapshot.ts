import { keyStatsFromHealth } from "./key-record.js";
import {
  type MetricsState,
  orderedTiers,
  RATE_WINDOW_SECONDS,
  SERIES_LATENCY_SUM,
  SERIES_OUTPUT_TOKENS,
  SERIES_REQUESTS,
} from "./metrics-state.js";
import type { KeyStats, StatsSnapshot, TierHealthInput } from "./stats-snapshot.js";

/** The whole picture at `now`: totals, each tier (the router's health wins when given), scenarios, events, series. */
export function buildSnapshot(
  state: MetricsState,
  now: number,
  tierStates: readonly TierHealthInput[] = [],
): StatsSnapshot {
  const health = new Map<string, TierHealthInput>();
  for (const tierState of tierStates) health.set(tierState.tier, tierState);
  const requests = state.series.series(now, SERIES_REQUESTS);
  const latencySums = state.series.series(now, SERIES_LATENCY_SUM);
  const t = state.totals;
  const uptimeSeconds = Math.max(0, Math.floor((now - state.startedAt) / 1000));
  // In the first minute, rates are over the time the proxy has run, not a whole minute it has not.
  const rateWindow = Math.max(1, Math.min(RATE_WINDOW_SECONDS, uptimeSeconds));
  return {
    generatedAt: now,
    startedAt: state.startedAt,
    uptimeSeconds,
    totals: {
      requests: t.requests,
      ok: t.ok,
      failed: t.failed,
      successRate: t.requests === 0 ? null : t.ok / t.requests,
      activeRequests: state.active.size,
      activeStreams: t.activeStreams,
      retries: t.retries,
      fallbacks: t.fallbacks,
      tokens: {
        input: t.inputTokens,
        output: t.outputTokens,
        cacheRead: t.cacheReadTokens,
        cacheCreation: t.cacheCreationTokens,
      },
      costUsd: t.costUsd,
      requestsPerSecond: state.series.total(now, SERIES_REQUESTS, RATE_WINDOW_SECONDS) / rateWindow,
      outputTokensPerSecond: state.series.total(now, SERIES_OUTPUT_TOKENS, RATE_WINDOW_SECONDS) / rateWindow,
    },
    tiers: orderedTiers(state.tiers).map((record) => {
      const tierHealth = health.get(record.labels.tier);
      const keys = tierKeys(state, record.labels.provider, tierHealth, now);
      return { ...record.stats(now, tierHealth), ...(keys && { keys }) };
    }),
    scenarios: [...state.scenarios].map(([scenario, counts]) => ({ scenario, ...counts })),
    recent: state.recent.toArray(),
    series: {
      intervalMs: 1000,
      endAt: Math.floor(now / 1000) * 1000,
      requests,
      latencyMs: requests.map((n, i) => (n === 0 ? null : (latencySums[i] as number) / n)),
    },
  };
}

/**
 * A tier's keys: the router's list (every key, in the order written) with the counts seen here; without
 * it, the keys of the tier's provider seen in events. Undefined for a provider without a key pool.
 */
function tierKeys(
  state: MetricsState,
  provider: string,
  health: TierHealthInput | undefined,
  now: number,
): KeyStats[] | undefined {
  if (health?.keys) {
    return health.keys.map((key) => state.keys.get(key.id)?.stats(now, key) ?? keyStatsFromHealth(key));
  }
  const seen = [...state.keys.values()].filter((record) => record.labels.provider === provider);
  return seen.length === 0 ? undefined : seen.map((record) => record.stats(now));
}
