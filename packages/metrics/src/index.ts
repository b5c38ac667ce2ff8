export { createMetrics, type Metrics, type MetricsOptions, type SnapshotOptions } from "./create-metrics.js";
export type {
  ThroughputSummary,
  TierLatency,
  TierThroughput,
  TierTokenDrift,
  TierUsage,
  UsageSummary,
} from "./json-views.js";
export type {
  AttemptEndEvent,
  CircuitEvent,
  CircuitState,
  CooldownEvent,
  FailureReason,
  FallbackEvent,
  FirstTokenEvent,
  MetricsSink,
  RequestEndEvent,
  RequestOutcome,
  RequestStartEvent,
  RetryEvent,
  TierLabels,
  TokenUsage,
} from "./metrics-sink.js";
export type { ModelPrice, PriceTable } from "./price-table.js";
export type {
  BudgetUse,
  DriftLevel,
  KeyHealthInput,
  KeyState,
  KeyStats,
  ProxyInfo,
  Quantiles,
  RecentEvent,
  ScenarioStats,
  StatsSnapshot,
  TierError,
  TierHealthInput,
  TierState,
  TierStats,
  TimeSeries,
  TokenCounts,
  TokenDriftStats,
  Totals,
} from "./stats-snapshot.js";
export { DRIFT_CRITICAL_PCT, DRIFT_WARNING_PCT } from "./token-drift.js";
