import type { Registry } from "prom-client";
import type { ThroughputSummary, TierLatency, TierTokenDrift, UsageSummary } from "./json-views.js";
import type { MetricsSink, TierLabels } from "./metrics-sink.js";
import type { PriceTable } from "./price-table.js";
import type { StatsSnapshot, TierHealthInput } from "./stats-snapshot.js";

export interface MetricsOptions {
  /** USD per million tokens, keyed by `"provider,model"` or model name. */
  readonly prices?: PriceTable;
  /** Clock in epoch ms; injected by tests. */
  readonly now?: () => number;
  /** Where the Prometheus metrics are registered; a fresh registry by default (never the global one). */
  readonly registry?: Registry;
  /** Seconds of per-second history in snapshots. Default 600. */
  readonly seriesSeconds?: number;
  /** Fallbacks and failures kept for the recent-events log. Default 200. */
  readonly recentEvents?: number;
}

export interface SnapshotOptions {
  /** The router's view of tier health; it wins over what the events imply. */
  readonly tierStates?: readonly TierHealthInput[];
}

export interface Metrics extends MetricsSink {
  /**
   * Declares the configured tier chain (the default scenario's) so tiers show before any traffic and
   * in chain order. Call it again after a config reload; recorded values are kept (keyed by tier id).
   */
  setChain(chain: readonly TierLabels[]): void;
  /**
   * Counts one failed operation of a shared state store (`ccr_state_store_errors_total{operation}`): the
   * proxy passes `@ccr/state-redis`'s `onError` events here. Never throws.
   */
  stateStoreError(operation: string): void;
  snapshot(options?: SnapshotOptions): StatsSnapshot;
  /** Prometheus text exposition of the registry. */
  prometheus(): Promise<string>;
  /** The content type to serve `prometheus()` with. */
  readonly contentType: string;
  readonly registry: Registry;
  usage(): UsageSummary;
  latencies(): TierLatency[];
  tokenDrift(): TierTokenDrift[];
  throughput(): ThroughputSummary;
}
