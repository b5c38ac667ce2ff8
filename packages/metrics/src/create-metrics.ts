import { Registry } from "prom-client";
import type { ThroughputSummary, TierLatency, TierTokenDrift, UsageSummary } from "./json-views.js";
import { LabelledCounts, type Series } from "./labelled-counts.js";
import type {
  AttemptEndEvent,
  CircuitEvent,
  CooldownEvent,
  FallbackEvent,
  FirstTokenEvent,
  MetricsSink,
  RequestEndEvent,
  RequestStartEvent,
  RetryEvent,
  TierLabels,
} from "./metrics-sink.js";
import { PerSecondWindow } from "./per-second-window.js";
import { costUsd, type PriceTable, priceFor } from "./price-table.js";
import { createPrometheusMetrics, type PrometheusMetrics, type TierValue } from "./prometheus-metrics.js";
import { RingLog } from "./ring-log.js";
import type { RecentEvent, StatsSnapshot, TierHealthInput } from "./stats-snapshot.js";
import { THROUGHPUT_WINDOW_SECONDS, TIER_OUTPUT_TOKENS, TIER_REQUESTS, TierRecord } from "./tier-record.js";

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

const SERIES_REQUESTS = 0;
const SERIES_LATENCY_SUM = 1;
const SERIES_OUTPUT_TOKENS = 2;
const RATE_WINDOW_SECONDS = 60;

interface ScenarioCounts {
  requests: number;
  ok: number;
  failed: number;
}

/**
 * Metrics fed by the router's events. Every sink method is O(1) in the traffic seen (bounded
 * windows and rings, cached label children) and never throws: metrics must not break a request.
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  return new MetricsRecorder(options);
}

class MetricsRecorder implements Metrics {
  readonly registry: Registry;
  private readonly prom: PrometheusMetrics;
  private readonly now: () => number;
  private readonly prices: PriceTable | undefined;
  private readonly startedAt: number;
  private readonly seriesSeconds: number;
  private readonly series: PerSecondWindow;
  private readonly recent: RingLog<Mutable<RecentEvent>>;
  private readonly tiers = new Map<string, TierRecord>();
  private readonly scenarios = new Map<string, ScenarioCounts>();
  /** In-flight request ids → whether a stream to the client has started. */
  private readonly active = new Map<string, boolean>();
  private eventSeq = 0;
  /**
   * Skips logged since the last real failure or fallback, by from/to/reason: while a tier cools
   * down every request skips it, and those skips add to one entry instead of flooding the log.
   */
  private readonly skipRuns = new Map<string, Mutable<RecentEvent>>();
  private readonly fallbackCounts = new LabelledCounts();
  /** Requests that ended before any tier was tried, by scenario and outcome. */
  private readonly untieredRequests = new LabelledCounts();
  private totals = {
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

  constructor(options: MetricsOptions) {
    this.registry = options.registry ?? new Registry();
    this.prom = createPrometheusMetrics(this.registry, {
      requests: () => this.requestSeries(),
      failures: () => this.reasonSeries((r) => r.failures),
      retries: () => this.reasonSeries((r) => r.retriesByReason),
      fallbacks: () => this.fallbackCounts.values(),
      perTier: (read) => this.tierSeries(read),
      activeRequests: () => this.active.size,
      activeStreams: () => this.totals.activeStreams,
    });
    this.now = options.now ?? Date.now;
    this.prices = options.prices;
    this.startedAt = this.now();
    this.seriesSeconds = options.seriesSeconds ?? 600;
    this.series = new PerSecondWindow(this.seriesSeconds, 3);
    this.recent = new RingLog(options.recentEvents ?? 200);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private tier(labels: TierLabels): TierRecord {
    let record = this.tiers.get(labels.tier);
    if (record === undefined) {
      record = new TierRecord(labels, this.prom);
      this.tiers.set(labels.tier, record);
    }
    return record;
  }

  setChain(chain: readonly TierLabels[]): void {
    for (const record of this.tiers.values()) record.configuredPosition = null;
    chain.forEach((labels, index) => {
      this.tier(labels).configuredPosition = index;
    });
  }

  requestStart(event: RequestStartEvent): void {
    try {
      this.active.set(event.requestId, false);
      for (let index = 0; index < event.chain.length; index++) {
        const record = this.tier(event.chain[index] as TierLabels);
        if (record.seenPosition === null || index < record.seenPosition) record.seenPosition = index;
      }
    } catch {
      // Metrics must never break a request.
    }
  }

  attemptEnd(event: AttemptEndEvent): void {
    try {
      const record = this.tier(event);
      if (event.ok) {
        record.ok++;
        record.recordLatency(count(event.durationMs));
        return;
      }
      const reason = event.reason ?? "server_error";
      record.failed++;
      record.failures[reason] = (record.failures[reason] ?? 0) + 1;
      const at = this.now();
      record.lastError = {
        reason,
        at,
        ...(event.status !== undefined && { status: event.status }),
        ...(event.message !== undefined && { message: event.message }),
      };
      if (reason === "rate_limited") record.rateLimitHits++;
      this.skipRuns.clear();
      this.recent.push({
        seq: this.eventSeq++,
        at,
        kind: "failure",
        requestId: event.requestId,
        from: event.tier,
        reason,
        ...(event.status !== undefined && { status: event.status }),
        count: 1,
      });
    } catch {
      // Metrics must never break a request.
    }
  }

  retry(event: RetryEvent): void {
    try {
      const record = this.tier(event);
      record.retries++;
      record.retriesByReason[event.reason] = (record.retriesByReason[event.reason] ?? 0) + 1;
      this.totals.retries++;
    } catch {
      // Metrics must never break a request.
    }
  }

  fallback(event: FallbackEvent): void {
    try {
      this.tier(event.from).fallbacks++;
      this.tier(event.to);
      this.totals.fallbacks++;
      this.fallbackCounts.add(`${event.from.tier}\n${event.to.tier}\n${event.reason}`, () => ({
        from_tier: event.from.tier,
        to_tier: event.to.tier,
        reason: event.reason,
      }));
      const at = this.now();
      const isSkip = event.reason === "cooling" || event.reason === "circuit_open";
      const skipKey = isSkip ? `${event.from.tier}\n${event.to.tier}\n${event.reason}` : undefined;
      const run = skipKey === undefined ? undefined : this.skipRuns.get(skipKey);
      if (run !== undefined) {
        run.count++;
        return;
      }
      const entry: Mutable<RecentEvent> = {
        seq: this.eventSeq++,
        at,
        kind: "fallback",
        requestId: event.requestId,
        from: event.from.tier,
        to: event.to.tier,
        reason: event.reason,
        count: 1,
      };
      this.recent.push(entry);
      if (skipKey === undefined) this.skipRuns.clear();
      else this.skipRuns.set(skipKey, entry);
    } catch {
      // Metrics must never break a request.
    }
  }

  circuit(event: CircuitEvent): void {
    try {
      const record = this.tier(event);
      record.circuit = event.state;
      record.circuitUntil = event.until ?? null;
    } catch {
      // Metrics must never break a request.
    }
  }

  cooldown(event: CooldownEvent): void {
    try {
      this.tier(event).cooldownUntil = event.until;
    } catch {
      // Metrics must never break a request.
    }
  }

  firstToken(event: FirstTokenEvent): void {
    try {
      this.tier(event).recordTtft(count(event.ttftMs));
    } catch {
      // Metrics must never break a request.
    }
  }

  streamStart(event: { readonly requestId: string } & TierLabels): void {
    try {
      if (this.active.get(event.requestId) === true) return;
      this.active.set(event.requestId, true);
      this.totals.activeStreams++;
    } catch {
      // Metrics must never break a request.
    }
  }

  requestEnd(event: RequestEndEvent): void {
    try {
      this.endActive(event.requestId);
      const now = this.now();
      const ok = event.outcome === "ok";
      this.totals.requests++;
      if (ok) this.totals.ok++;
      else this.totals.failed++;
      let scenario = this.scenarios.get(event.scenario);
      if (scenario === undefined) {
        scenario = { requests: 0, ok: 0, failed: 0 };
        this.scenarios.set(event.scenario, scenario);
      }
      scenario.requests++;
      if (ok) scenario.ok++;
      else scenario.failed++;

      this.series.add(now, SERIES_REQUESTS, 1);
      const durationMs = count(event.durationMs);
      this.series.add(now, SERIES_LATENCY_SUM, durationMs);

      if (event.tier === undefined) {
        this.untieredRequests.add(`${event.scenario}\n${event.outcome}`, () => ({
          ...NO_TIER_LABELS,
          scenario: event.scenario,
          outcome: event.outcome,
        }));
        this.prom.duration.observe({ ...NO_TIER_LABELS, scenario: event.scenario }, durationMs / 1000);
        return;
      }

      const record = this.tier(event.tier);
      record.requestsByOutcome.add(`${event.scenario}\n${event.outcome}`, () => ({
        ...record.labels,
        scenario: event.scenario,
        outcome: event.outcome,
      }));
      this.prom.duration.observe(record.labelsWithScenario(event.scenario), durationMs / 1000);
      record.ended++;
      record.durationSumMs += durationMs;
      if (ok) record.window.add(now, TIER_REQUESTS, 1);
      if (event.outputTokensPerSecond !== undefined && event.outputTokensPerSecond > 0) {
        record.recordSpeed(event.outputTokensPerSecond);
      }
      if (event.usage !== undefined) this.recordUsage(record, event, now);
    } catch {
      // Metrics must never break a request.
    }
  }

  private endActive(requestId: string): void {
    const streaming = this.active.get(requestId);
    if (streaming === undefined) return;
    this.active.delete(requestId);
    if (streaming) this.totals.activeStreams--;
  }

  private recordUsage(record: TierRecord, event: RequestEndEvent, now: number): void {
    const usage = event.usage;
    if (usage === undefined) return;
    const input = count(usage.inputTokens);
    const output = count(usage.outputTokens);
    const cacheRead = count(usage.cacheReadTokens);
    const cacheCreation = count(usage.cacheCreationTokens);
    record.inputTokens += input;
    record.outputTokens += output;
    record.cacheReadTokens += cacheRead;
    record.cacheCreationTokens += cacheCreation;
    this.totals.inputTokens += input;
    this.totals.outputTokens += output;
    this.totals.cacheReadTokens += cacheRead;
    this.totals.cacheCreationTokens += cacheCreation;
    record.window.add(now, TIER_OUTPUT_TOKENS, output);
    this.series.add(now, SERIES_OUTPUT_TOKENS, output);

    const price = priceFor(this.prices, record.labels.tier, record.labels.model);
    if (price !== undefined) {
      const cost = costUsd(price, {
        inputTokens: input,
        outputTokens: output,
        cacheReadTokens: cacheRead,
        cacheCreationTokens: cacheCreation,
      });
      record.costUsd += cost;
      this.totals.costUsd += cost;
    }

    // The estimate covers the whole prompt; the provider splits it into fresh and cached tokens.
    const upstream = input + cacheRead + cacheCreation;
    if (event.estimatedInputTokens > 0 && upstream > 0) {
      record.drift.add(event.estimatedInputTokens, upstream);
    }
  }

  snapshot(options: SnapshotOptions = {}): StatsSnapshot {
    const now = this.now();
    const health = new Map<string, TierHealthInput>();
    for (const state of options.tierStates ?? []) health.set(state.tier, state);
    const requests = this.series.series(now, SERIES_REQUESTS);
    const latencySums = this.series.series(now, SERIES_LATENCY_SUM);
    const t = this.totals;
    return {
      generatedAt: now,
      startedAt: this.startedAt,
      uptimeSeconds: Math.max(0, Math.floor((now - this.startedAt) / 1000)),
      totals: {
        requests: t.requests,
        ok: t.ok,
        failed: t.failed,
        successRate: t.requests === 0 ? null : t.ok / t.requests,
        activeRequests: this.active.size,
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
        requestsPerSecond: this.series.total(now, SERIES_REQUESTS, RATE_WINDOW_SECONDS) / RATE_WINDOW_SECONDS,
        outputTokensPerSecond:
          this.series.total(now, SERIES_OUTPUT_TOKENS, RATE_WINDOW_SECONDS) / RATE_WINDOW_SECONDS,
      },
      tiers: this.orderedTiers().map((record) => record.stats(now, health.get(record.labels.tier))),
      scenarios: [...this.scenarios].map(([scenario, counts]) => ({ scenario, ...counts })),
      recent: this.recent.toArray().map((event) => ({ ...event })),
      series: {
        intervalMs: 1000,
        endAt: Math.floor(now / 1000) * 1000,
        requests,
        latencyMs: requests.map((n, i) => (n === 0 ? null : (latencySums[i] as number) / n)),
      },
    };
  }

  /** Configured chain first, then tiers seen only in other chains, each by position, then first seen. */
  private orderedTiers(): TierRecord[] {
    const records = [...this.tiers.values()];
    const rank = (r: TierRecord) =>
      r.configuredPosition !== null
        ? r.configuredPosition
        : r.seenPosition !== null
          ? 10_000 + r.seenPosition
          : 20_000;
    return records
      .map((record, order) => ({ record, order }))
      .sort((a, b) => rank(a.record) - rank(b.record) || a.order - b.order)
      .map(({ record }) => record);
  }

  private *requestSeries(): Iterable<Series> {
    for (const record of this.tiers.values()) yield* record.requestsByOutcome.values();
    yield* this.untieredRequests.values();
  }

  private *reasonSeries(read: (record: TierRecord) => Partial<Record<string, number>>): Iterable<Series> {
    for (const record of this.tiers.values()) {
      for (const [reason, value] of Object.entries(read(record))) {
        yield { labels: { ...record.labels, reason }, value: value ?? 0 };
      }
    }
  }

  private *tierSeries(read: TierValue): Iterable<Series> {
    for (const record of this.tiers.values()) {
      const value = record.prometheusValue(read);
      if (value !== undefined) yield { labels: record.labels, value };
    }
  }

  prometheus(): Promise<string> {
    return this.registry.metrics();
  }

  usage(): UsageSummary {
    const t = this.totals;
    return {
      total_requests: t.requests,
      total_failures: t.failed,
      total_input_tokens: t.inputTokens,
      total_output_tokens: t.outputTokens,
      total_cost_usd: t.costUsd,
      active_streams: t.activeStreams,
      active_requests: this.active.size,
      tiers: this.orderedTiers().map((r) => ({
        tier: r.labels.tier,
        requests: r.ended,
        failures: r.failed,
        input_tokens: r.inputTokens,
        output_tokens: r.outputTokens,
        cache_read_tokens: r.cacheReadTokens,
        cache_creation_tokens: r.cacheCreationTokens,
        avg_duration_seconds: r.ended === 0 ? 0 : r.durationSumMs / r.ended / 1000,
        cost_usd: r.costUsd,
      })),
    };
  }

  latencies(): TierLatency[] {
    return this.orderedTiers().map((r) => {
      const [p50, p90] = r.ttft.quantiles([0.5, 0.9]);
      return {
        tier: r.labels.tier,
        ewma_seconds: (r.ewmaLatencyMs ?? 0) / 1000,
        sample_count: r.latencySamples,
        ttft_p50_seconds: p50 == null ? null : p50 / 1000,
        ttft_p90_seconds: p90 == null ? null : p90 / 1000,
      };
    });
  }

  tokenDrift(): TierTokenDrift[] {
    const out: TierTokenDrift[] = [];
    for (const r of this.orderedTiers()) {
      const d = r.drift.stats();
      if (d === null) continue;
      out.push({
        tier: r.labels.tier,
        samples: d.samples,
        cumulative_local: d.cumulativeLocal,
        cumulative_upstream: d.cumulativeUpstream,
        cumulative_drift_pct: d.cumulativePct,
        last_local: d.lastLocal,
        last_upstream: d.lastUpstream,
        last_drift_pct: d.lastPct,
        level: d.level,
      });
    }
    return out;
  }

  throughput(): ThroughputSummary {
    const now = this.now();
    const w = THROUGHPUT_WINDOW_SECONDS;
    return {
      window_seconds: w,
      requests_per_second: this.series.total(now, SERIES_REQUESTS, w) / w,
      output_tokens_per_second: this.series.total(now, SERIES_OUTPUT_TOKENS, w) / w,
      tiers: this.orderedTiers().map((r) => ({
        tier: r.labels.tier,
        requests_per_second: r.window.total(now, TIER_REQUESTS, w) / w,
        output_tokens_per_second: r.window.total(now, TIER_OUTPUT_TOKENS, w) / w,
        avg_generation_tokens_per_second: r.outputTokensPerSecond,
      })),
    };
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Labels for a request that ended before any tier was tried (bad request, nothing routable). */
const NO_TIER_LABELS = { tier: "none", provider: "none", model: "none" } as const;

/** Counts and durations made safe for counters and averages (which reject or spread NaN and negatives). */
function count(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}
