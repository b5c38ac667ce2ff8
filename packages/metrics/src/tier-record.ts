import { ewma } from "./ewma.js";
import { LabelledCounts, type Labels } from "./labelled-counts.js";
import type { CircuitState, FailureReason, TierLabels } from "./metrics-sink.js";
import { PerSecondWindow } from "./per-second-window.js";
import type { PrometheusMetrics, TierValue } from "./prometheus-metrics.js";
import { SampleWindow } from "./sample-window.js";
import type { TierError, TierHealthInput, TierState, TierStats } from "./stats-snapshot.js";
import { DriftAccumulator } from "./token-drift.js";

/** Seconds of per-tier history kept for throughput. */
export const THROUGHPUT_WINDOW_SECONDS = 60;
export const TIER_REQUESTS = 0;
export const TIER_OUTPUT_TOKENS = 1;

/**
 * Everything recorded about one tier, keyed by its `"provider,model"` id so it outlives config
 * reloads. Counters live here and reach Prometheus at scrape time; label objects for histograms
 * are built once per tier (and scenario), not per request.
 */
export class TierRecord {
  readonly labels: { readonly tier: string; readonly provider: string; readonly model: string };
  configuredPosition: number | null = null;
  seenPosition: number | null = null;

  ok = 0;
  failed = 0;
  readonly failures: Partial<Record<FailureReason, number>> = {};
  retries = 0;
  readonly retriesByReason: Partial<Record<FailureReason, number>> = {};
  /** Ended requests by scenario and outcome, for `ccr_requests_total`. */
  readonly requestsByOutcome = new LabelledCounts();
  private readonly durationLabelSets = new Map<string, Labels>();
  fallbacks = 0;
  rateLimitHits = 0;
  ewmaLatencyMs: number | null = null;
  latencySamples = 0;
  readonly ttft = new SampleWindow(256);
  outputTokensPerSecond: number | null = null;

  ended = 0;
  durationSumMs = 0;
  inputTokens = 0;
  outputTokens = 0;
  cacheReadTokens = 0;
  cacheCreationTokens = 0;
  costUsd = 0;
  lastError: TierError | null = null;
  readonly drift = new DriftAccumulator();
  readonly window = new PerSecondWindow(THROUGHPUT_WINDOW_SECONDS, 2);

  circuit: CircuitState = "closed";
  circuitUntil: number | null = null;
  cooldownUntil: number | null = null;

  constructor(
    tier: TierLabels,
    private readonly prom: PrometheusMetrics,
  ) {
    this.labels = { tier: tier.tier, provider: tier.provider, model: tier.model };
  }

  /** `{tier, provider, model, scenario, protocol}`, built once per pair. */
  durationLabels(scenario: string, protocol: string): Labels {
    const key = `${scenario}\n${protocol}`;
    let labels = this.durationLabelSets.get(key);
    if (labels === undefined) {
      labels = { ...this.labels, scenario, protocol };
      this.durationLabelSets.set(key, labels);
    }
    return labels;
  }

  get position(): number | null {
    return this.configuredPosition ?? this.seenPosition;
  }

  recordLatency(ms: number): void {
    this.ewmaLatencyMs = ewma(this.ewmaLatencyMs, ms);
    this.latencySamples++;
  }

  recordTtft(ms: number): void {
    this.ttft.add(ms);
    this.prom.ttft.observe(this.labels, ms / 1000);
  }

  recordSpeed(tokensPerSecond: number): void {
    this.outputTokensPerSecond = ewma(this.outputTokensPerSecond, tokensPerSecond);
    this.prom.outputTokensPerSecond.observe(this.labels, tokensPerSecond);
  }

  /** This tier's value for a tier-labelled Prometheus metric; undefined when it has none yet. */
  prometheusValue(read: TierValue): number | undefined {
    switch (read) {
      case "inputTokens":
        return this.inputTokens;
      case "outputTokens":
        return this.outputTokens;
      case "cacheReadTokens":
        return this.cacheReadTokens;
      case "cacheCreationTokens":
        return this.cacheCreationTokens;
      case "costUsd":
        return this.costUsd;
      case "rateLimitHits":
        return this.rateLimitHits;
      case "ewmaLatencySeconds":
        return this.ewmaLatencyMs === null ? undefined : this.ewmaLatencyMs / 1000;
      case "lastDriftPct":
        return this.drift.stats()?.lastPct;
      case "circuitState":
        return this.circuit === "open" ? 2 : this.circuit === "half_open" ? 1 : 0;
    }
  }

  /** The router's own view wins when given; otherwise derived from the circuit and cooldown events seen. */
  state(now: number, health?: TierHealthInput): { state: TierState; until: number | null } {
    if (health) return { state: health.state, until: health.until ?? null };
    if (this.circuit === "open") {
      // Past its cooldown an open circuit lets the next request through as a probe: half-open in effect.
      if (this.circuitUntil !== null && this.circuitUntil <= now) return { state: "half_open", until: null };
      return { state: "open", until: this.circuitUntil };
    }
    if (this.circuit === "half_open") return { state: "half_open", until: null };
    if (this.cooldownUntil !== null && this.cooldownUntil > now) {
      return { state: "cooling", until: this.cooldownUntil };
    }
    return { state: "healthy", until: null };
  }

  stats(now: number, health?: TierHealthInput): TierStats {
    const { state, until } = this.state(now, health);
    const [p50, p90] = this.ttft.quantiles([0.5, 0.9]);
    const attempts = this.ok + this.failed;
    return {
      id: this.labels.tier,
      provider: this.labels.provider,
      model: this.labels.model,
      position: this.position,
      state,
      until,
      requests: { ok: this.ok, failed: this.failed },
      successRate: attempts === 0 ? null : this.ok / attempts,
      failures: { ...this.failures },
      retries: this.retries,
      fallbacks: this.fallbacks,
      rateLimitHits: this.rateLimitHits,
      ewmaLatencyMs: this.ewmaLatencyMs,
      ttftMs: { p50: p50 ?? null, p90: p90 ?? null, samples: this.ttft.size },
      outputTokensPerSecond: this.outputTokensPerSecond,
      tokens: {
        input: this.inputTokens,
        output: this.outputTokens,
        cacheRead: this.cacheReadTokens,
        cacheCreation: this.cacheCreationTokens,
      },
      costUsd: this.costUsd,
      lastError: this.lastError,
      drift: this.drift.stats(),
    };
  }
}
