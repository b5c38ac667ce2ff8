import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { Series } from "./labelled-counts.js";

const TIER_LABELS = ["tier", "provider", "model"] as const;
/** A key of a key pool by its id (`zai#2`), never the key: as many series as keys written in the config. */
const KEY_LABELS = ["provider", "key"] as const;

/**
 * Where counters and gauges read their values at scrape time. The recorder keeps the numbers (it
 * needs them for snapshots anyway); Prometheus gets them when it asks, so the request path never
 * pays for prom-client's per-call label hashing. Histograms are observed as requests end.
 */
export interface PrometheusSource {
  readonly requests: () => Iterable<Series>;
  readonly failures: () => Iterable<Series>;
  readonly retries: () => Iterable<Series>;
  readonly fallbacks: () => Iterable<Series>;
  /** One series per tier, for metrics with only the tier labels. */
  readonly perTier: (read: TierValue) => Iterable<Series>;
  readonly activeRequests: () => number;
  readonly activeStreams: () => number;
  readonly keyAttempts: () => Iterable<Series>;
  readonly keyCooldowns: () => Iterable<Series>;
  readonly keyStates: () => Iterable<Series>;
  readonly stateStoreErrors: () => Iterable<Series>;
}

export type TierValue =
  | "inputTokens"
  | "outputTokens"
  | "cacheReadTokens"
  | "cacheCreationTokens"
  | "costUsd"
  | "rateLimitHits"
  | "ewmaLatencySeconds"
  | "lastDriftPct"
  | "circuitState";

function publishCounter(series: () => Iterable<Series>) {
  return function (this: Counter) {
    this.reset();
    for (const { labels, value } of series()) this.inc(labels, value);
  };
}

function publishGauge(series: () => Iterable<Series>) {
  return function (this: Gauge) {
    this.reset();
    for (const { labels, value } of series()) this.set(labels, value);
  };
}

/**
 * Every Prometheus metric CCR exposes, registered on one registry. Names follow the Rust CCR so
 * existing Grafana dashboards keep working; labels add provider, model and scenario.
 */
export function createPrometheusMetrics(registry: Registry, source: PrometheusSource) {
  const registers = [registry];
  return {
    requests: new Counter({
      name: "ccr_requests_total",
      help: "Client requests by the tier that answered (or was tried last), client protocol and outcome",
      labelNames: [...TIER_LABELS, "scenario", "protocol", "outcome"],
      registers,
      collect: publishCounter(source.requests),
    }),
    failures: new Counter({
      name: "ccr_failures_total",
      help: "Failed attempts at a tier, by reason",
      labelNames: [...TIER_LABELS, "reason"],
      registers,
      collect: publishCounter(source.failures),
    }),
    duration: new Histogram({
      name: "ccr_request_duration_seconds",
      help: "Whole client request duration in seconds, cascade included",
      labelNames: [...TIER_LABELS, "scenario", "protocol"],
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
      registers,
    }),
    ttft: new Histogram({
      name: "ccr_ttft_seconds",
      help: "Time from the client request to the first upstream event, in seconds",
      labelNames: TIER_LABELS,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers,
    }),
    outputTokensPerSecond: new Histogram({
      name: "ccr_output_tokens_per_second",
      help: "Output tokens per second of generation, per answered request",
      labelNames: TIER_LABELS,
      buckets: [5, 10, 20, 40, 80, 150, 300, 600],
      registers,
    }),
    activeRequests: new Gauge({
      name: "ccr_active_requests",
      help: "Client requests in flight",
      registers,
      collect: function (this: Gauge) {
        this.set(source.activeRequests());
      },
    }),
    activeStreams: new Gauge({
      name: "ccr_active_streams",
      help: "Streamed responses currently flowing to clients",
      registers,
      collect: function (this: Gauge) {
        this.set(source.activeStreams());
      },
    }),
    inputTokens: new Counter({
      name: "ccr_input_tokens_total",
      help: "Input tokens reported by the provider (cache reads and writes excluded)",
      labelNames: TIER_LABELS,
      registers,
      collect: publishCounter(() => source.perTier("inputTokens")),
    }),
    outputTokens: new Counter({
      name: "ccr_output_tokens_total",
      help: "Output tokens reported by the provider",
      labelNames: TIER_LABELS,
      registers,
      collect: publishCounter(() => source.perTier("outputTokens")),
    }),
    cacheReadTokens: new Counter({
      name: "ccr_cache_read_tokens_total",
      help: "Prompt-cache read tokens reported by the provider",
      labelNames: TIER_LABELS,
      registers,
      collect: publishCounter(() => source.perTier("cacheReadTokens")),
    }),
    cacheCreationTokens: new Counter({
      name: "ccr_cache_creation_tokens_total",
      help: "Prompt-cache creation tokens reported by the provider",
      labelNames: TIER_LABELS,
      registers,
      collect: publishCounter(() => source.perTier("cacheCreationTokens")),
    }),
    cost: new Counter({
      name: "ccr_cost_usd_total",
      help: "Spend in USD, from the configured per-model prices",
      labelNames: TIER_LABELS,
      registers,
      collect: publishCounter(() => source.perTier("costUsd")),
    }),
    ewmaLatency: new Gauge({
      name: "ccr_tier_ewma_latency_seconds",
      help: "EWMA (alpha 0.3) of successful attempt latency per tier, in seconds",
      labelNames: TIER_LABELS,
      registers,
      collect: publishGauge(() => source.perTier("ewmaLatencySeconds")),
    }),
    rateLimitHits: new Counter({
      name: "ccr_rate_limit_hits_total",
      help: "429 answers received per tier",
      labelNames: TIER_LABELS,
      registers,
      collect: publishCounter(() => source.perTier("rateLimitHits")),
    }),
    tokenDrift: new Gauge({
      name: "ccr_token_drift_pct",
      help: "Drift of the last local input-token estimate against the provider's count, in percent",
      labelNames: TIER_LABELS,
      registers,
      collect: publishGauge(() => source.perTier("lastDriftPct")),
    }),
    retries: new Counter({
      name: "ccr_retries_total",
      help: "Retries within a tier, by the reason of the failed attempt",
      labelNames: [...TIER_LABELS, "reason"],
      registers,
      collect: publishCounter(source.retries),
    }),
    fallbacks: new Counter({
      name: "ccr_fallbacks_total",
      help: "Cascades from one tier to the next, by reason",
      labelNames: ["from_tier", "to_tier", "reason"],
      registers,
      collect: publishCounter(source.fallbacks),
    }),
    keyAttempts: new Counter({
      name: "ccr_key_attempts_total",
      help: "Attempts with each key of a key pool, by outcome (ok or the failure reason)",
      labelNames: [...KEY_LABELS, "outcome"],
      registers,
      collect: publishCounter(source.keyAttempts),
    }),
    keyCooldowns: new Counter({
      name: "ccr_key_cooldowns_total",
      help: "Times a key of a key pool was set aside: rate_limited (a 429) or auth (refused, out of service)",
      labelNames: [...KEY_LABELS, "reason"],
      registers,
      collect: publishCounter(source.keyCooldowns),
    }),
    keyState: new Gauge({
      name: "ccr_key_state",
      help: "State of each key of a key pool seen by this replica: 0 ready, 1 cooling, 2 out of service",
      labelNames: KEY_LABELS,
      registers,
      collect: publishGauge(source.keyStates),
    }),
    stateStoreErrors: new Counter({
      name: "ccr_state_store_errors_total",
      help: "Failed operations of the shared state store (Redis): connect, update, sync, usage, message",
      labelNames: ["operation"],
      registers,
      collect: publishCounter(source.stateStoreErrors),
    }),
    circuitState: new Gauge({
      name: "ccr_circuit_state",
      help: "Circuit breaker state per tier: 0 closed, 1 half_open, 2 open",
      labelNames: TIER_LABELS,
      registers,
      collect: publishGauge(() => source.perTier("circuitState")),
    }),
  };
}

export type PrometheusMetrics = ReturnType<typeof createPrometheusMetrics>;
