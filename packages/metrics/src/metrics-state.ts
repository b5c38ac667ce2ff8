import type { KeyRecord } from "./key-record.js";
import type { PerSecondWindow } from "./per-second-window.js";
import type { RecentEvents } from "./recent-events.js";
import type { TierRecord } from "./tier-record.js";

/** Rows of the process-wide per-second window. */
export const SERIES_REQUESTS = 0;
export const SERIES_LATENCY_SUM = 1;
export const SERIES_OUTPUT_TOKENS = 2;
export const SERIES_ROWS = 3;
/** Seconds the request and token rates of a snapshot are averaged over. */
export const RATE_WINDOW_SECONDS = 60;

export interface ScenarioCounts {
  requests: number;
  ok: number;
  failed: number;
}

/** Process-wide counters; per-tier ones live in each `TierRecord`. */
export interface MetricsTotals {
  requests: number;
  ok: number;
  failed: number;
  retries: number;
  fallbacks: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheCreationTokens: number;
  costUsd: number;
  activeStreams: number;
}

export function emptyTotals(): MetricsTotals {
  return {
    requests: 0,
    ok: 0,
    failed: 0,
    retries: 0,
    fallbacks: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheCreationTokens: 0,
    costUsd: 0,
    activeStreams: 0,
  };
}

/** What the recorder keeps, as the snapshot and the JSON views read it. */
export interface MetricsState {
  readonly startedAt: number;
  readonly totals: Readonly<MetricsTotals>;
  /** In-flight request ids → whether a stream to the client has started. */
  readonly active: ReadonlyMap<string, boolean>;
  readonly series: PerSecondWindow;
  readonly scenarios: ReadonlyMap<string, ScenarioCounts>;
  readonly recent: RecentEvents;
  readonly tiers: ReadonlyMap<string, TierRecord>;
  /** Keys of key pools seen in attempts and cooldowns, by id. */
  readonly keys: ReadonlyMap<string, KeyRecord>;
}

/** Configured chain first, then tiers seen only in other chains, each by position, then first seen. */
export function orderedTiers(tiers: ReadonlyMap<string, TierRecord>): TierRecord[] {
  const rank = (r: TierRecord) =>
    r.configuredPosition !== null
      ? r.configuredPosition
      : r.seenPosition !== null
        ? 10_000 + r.seenPosition
        : 20_000;
  return [...tiers.values()]
    .map((record, order) => ({ record, order }))
    .sort((a, b) => rank(a.record) - rank(b.record) || a.order - b.order)
    .map(({ record }) => record);
}
