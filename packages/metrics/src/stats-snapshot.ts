import type { FailureReason } from "./metrics-sink.js";

/**
 * The JSON the proxy serves at `/api/stats` (and pushes on `/api/stats/stream`): everything the
 * dashboard and `ccr status` show. Times are epoch milliseconds, durations milliseconds.
 */

/** How the router treats a tier right now. */
export type TierState = "healthy" | "cooling" | "open" | "half_open";

/** Token drift severity: the proxy's input-token estimate against what the provider reported. */
export type DriftLevel = "ok" | "warning" | "critical";

export interface TokenCounts {
  readonly input: number;
  readonly output: number;
  readonly cacheRead: number;
  readonly cacheCreation: number;
}

export interface TokenDriftStats {
  readonly samples: number;
  readonly cumulativeLocal: number;
  readonly cumulativeUpstream: number;
  /** `(local - upstream) / upstream * 100` over every sample. */
  readonly cumulativePct: number;
  readonly lastLocal: number;
  readonly lastUpstream: number;
  readonly lastPct: number;
  /** Severity of the cumulative drift: warning from 10 %, critical from 25 %. */
  readonly level: DriftLevel;
  readonly lastLevel: DriftLevel;
}

export interface TierError {
  readonly reason: FailureReason;
  readonly at: number;
  readonly status?: number;
  readonly message?: string;
}

export interface Quantiles {
  readonly p50: number | null;
  readonly p90: number | null;
  /** How many recent samples the quantiles come from (bounded). */
  readonly samples: number;
}

/** How the router treats one key of a key pool right now. */
export type KeyState = "ready" | "cooling" | "out" | "over_budget";

/** A budget's use over the last minute. */
export interface BudgetUse {
  readonly used: number;
  readonly limit: number;
}

/** One key of a tier's key pool, by its id (`zai#2`): never the key. */
export interface KeyStats {
  readonly id: string;
  /** `out`: the provider refused it (401/402/403) and it waits for its time or a config reload. */
  readonly state: KeyState;
  /** Until when a cooling, out or over-budget key is skipped. */
  readonly until: number | null;
  /** Attempts with this key that succeeded / failed (over every tier of its provider). */
  readonly requests: { readonly ok: number; readonly failed: number };
  readonly rateLimitHits: number;
  /** Requests and tokens over the last minute against its budgets, when it has them. */
  readonly rpm: BudgetUse | null;
  readonly tpm: BudgetUse | null;
  readonly lastError: TierError | null;
}

export interface TierStats {
  /** `"provider,model"`. */
  readonly id: string;
  readonly provider: string;
  readonly model: string;
  /** Position in the configured (default) chain, else the lowest position seen in a request's chain. */
  readonly position: number | null;
  readonly state: TierState;
  /** Until when a cooling or open tier is skipped. */
  readonly until: number | null;
  /** Attempts at this tier that succeeded / failed. */
  readonly requests: { readonly ok: number; readonly failed: number };
  /** ok / (ok + failed); null before the first attempt. */
  readonly successRate: number | null;
  readonly failures: Readonly<Partial<Record<FailureReason, number>>>;
  readonly retries: number;
  /** Times the cascade left this tier for the next one. */
  readonly fallbacks: number;
  readonly rateLimitHits: number;
  readonly ewmaLatencyMs: number | null;
  readonly ttftMs: Quantiles;
  /** EWMA of output tokens per second of this tier's answers. */
  readonly outputTokensPerSecond: number | null;
  readonly tokens: TokenCounts;
  readonly costUsd: number;
  readonly lastError: TierError | null;
  readonly drift: TokenDriftStats | null;
  /** The keys of the provider's key pool; absent for a provider with a single key. */
  readonly keys?: readonly KeyStats[];
}

export interface ScenarioStats {
  readonly scenario: string;
  readonly requests: number;
  readonly ok: number;
  readonly failed: number;
}

export interface RecentEvent {
  /** Increases by one per event since the proxy started: a stable key. */
  readonly seq: number;
  readonly at: number;
  readonly kind: "fallback" | "failure";
  readonly requestId: string;
  /** The tier that failed (or was left). */
  readonly from: string;
  /** The tier the cascade went to; only for fallbacks. */
  readonly to?: string;
  /** For a failure: the id of the key the attempt used, when its provider has a key pool. */
  readonly key?: string;
  readonly reason: string;
  readonly status?: number;
  /**
   * How many identical skips (`cooling` / `circuit_open` fallbacks between the same tiers) this entry
   * stands for, from `at` until the next real failure or fallback; 1 for everything else.
   */
  readonly count: number;
}

/** One value per second, oldest first, the last one being the current (partial) second. */
export interface TimeSeries {
  readonly intervalMs: number;
  /** Epoch ms of the start of the last slot. */
  readonly endAt: number;
  /** Finished requests in each second. */
  readonly requests: readonly number[];
  /** Mean request duration in each second; null for seconds without requests. */
  readonly latencyMs: readonly (number | null)[];
}

export interface Totals {
  readonly requests: number;
  readonly ok: number;
  readonly failed: number;
  readonly successRate: number | null;
  readonly activeRequests: number;
  readonly activeStreams: number;
  readonly retries: number;
  readonly fallbacks: number;
  readonly tokens: TokenCounts;
  readonly costUsd: number;
  /** Over the last minute. */
  readonly requestsPerSecond: number;
  /** Output tokens per second over the last minute, all tiers together. */
  readonly outputTokensPerSecond: number;
}

/** What the serving proxy says about itself; added by the proxy's stats route. */
export interface ProxyInfo {
  readonly version: string;
  readonly startedAt: number;
  readonly host: string;
  readonly port: number;
  readonly pid: number;
}

export interface StatsSnapshot {
  readonly generatedAt: number;
  readonly startedAt: number;
  readonly uptimeSeconds: number;
  readonly totals: Totals;
  /** In chain order. */
  readonly tiers: readonly TierStats[];
  readonly scenarios: readonly ScenarioStats[];
  /** Most recent last. */
  readonly recent: readonly RecentEvent[];
  readonly series: TimeSeries;
  readonly proxy?: ProxyInfo;
}

/** What the router knows about one key of a pool (the router's `KeyHealth` is one). */
export interface KeyHealthInput {
  readonly id: string;
  readonly state: KeyState;
  readonly until?: number | null;
  readonly rpm?: BudgetUse;
  readonly tpm?: BudgetUse;
  readonly lastError?: TierError;
}

/** What the router knows about a tier's health; when given to `snapshot`, it wins over the events seen. */
export interface TierHealthInput {
  readonly tier: string;
  readonly state: TierState;
  readonly until?: number | null;
  /** The keys of the tier's provider's key pool, in the order written. */
  readonly keys?: readonly KeyHealthInput[];
}
