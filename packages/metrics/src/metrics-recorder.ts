import { Registry } from "prom-client";
import { latenciesView, throughputView, tokenDriftView, usageView } from "./build-json-views.js";
import { buildSnapshot } from "./build-snapshot.js";
import type { ThroughputSummary, TierLatency, TierTokenDrift, UsageSummary } from "./json-views.js";
import { KeyRecord } from "./key-record.js";
import { LabelledCounts } from "./labelled-counts.js";
import type { Metrics, MetricsOptions, SnapshotOptions } from "./metrics.js";
import type {
  AttemptEndEvent,
  CircuitEvent,
  CooldownEvent,
  FallbackEvent,
  FirstTokenEvent,
  RequestEndEvent,
  RequestStartEvent,
  RetryEvent,
  TierLabels,
} from "./metrics-sink.js";
import {
  emptyTotals,
  type MetricsState,
  type ScenarioCounts,
  SERIES_LATENCY_SUM,
  SERIES_REQUESTS,
  SERIES_ROWS,
} from "./metrics-state.js";
import { PerSecondWindow } from "./per-second-window.js";
import type { PriceTable } from "./price-table.js";
import { createPrometheusMetrics, type PrometheusMetrics } from "./prometheus-metrics.js";
import { RecentEvents } from "./recent-events.js";
import { recordUsage, safeCount } from "./record-usage.js";
import type { StatsSnapshot } from "./stats-snapshot.js";
import { TIER_REQUESTS, TierRecord } from "./tier-record.js";
import { keySeries, keyStateSeries, reasonSeries, requestSeries, tierSeries } from "./tier-series.js";

/** The `Metrics` `createMetrics` returns: the sink methods record, the views read (build-snapshot, build-json-views). */
export class MetricsRecorder implements Metrics, MetricsState {
  readonly registry: Registry;
  private readonly prom: PrometheusMetrics;
  private readonly now: () => number;
  private readonly prices: PriceTable | undefined;
  readonly startedAt: number;
  readonly series: PerSecondWindow;
  readonly recent: RecentEvents;
  readonly tiers = new Map<string, TierRecord>();
  readonly keys = new Map<string, KeyRecord>();
  readonly scenarios = new Map<string, ScenarioCounts>();
  readonly active = new Map<string, boolean>();
  readonly totals = emptyTotals();
  private readonly fallbackCounts = new LabelledCounts();
  /** Requests that ended before any tier was tried, by scenario and outcome. */
  private readonly untieredRequests = new LabelledCounts();
  /** Failures of the shared state store, by operation. */
  private readonly storeErrors = new LabelledCounts();

  constructor(options: MetricsOptions) {
    this.registry = options.registry ?? new Registry();
    this.prom = createPrometheusMetrics(this.registry, {
      requests: () => requestSeries(this.tiers.values(), this.untieredRequests),
      failures: () => reasonSeries(this.tiers.values(), (r) => r.failures),
      retries: () => reasonSeries(this.tiers.values(), (r) => r.retriesByReason),
      fallbacks: () => this.fallbackCounts.values(),
      perTier: (read) => tierSeries(this.tiers.values(), read),
      activeRequests: () => this.active.size,
      activeStreams: () => this.totals.activeStreams,
      keyAttempts: () => keySeries(this.keys.values(), (record) => record.attempts),
      keyCooldowns: () => keySeries(this.keys.values(), (record) => record.cooldowns),
      keyStates: () => keyStateSeries(this.keys.values(), this.now()),
      stateStoreErrors: () => this.storeErrors.values(),
    });
    this.now = options.now ?? Date.now;
    this.prices = options.prices;
    this.startedAt = this.now();
    this.series = new PerSecondWindow(options.seriesSeconds ?? 600, SERIES_ROWS);
    this.recent = new RecentEvents(options.recentEvents ?? 200);
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

  private key(provider: string, id: string): KeyRecord {
    let record = this.keys.get(id);
    if (record === undefined) {
      record = new KeyRecord(provider, id);
      this.keys.set(id, record);
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
      const key = event.key === undefined ? undefined : this.key(event.provider, event.key);
      if (event.ok) {
        record.ok++;
        record.recordLatency(safeCount(event.durationMs));
        key?.attempt(true, undefined, null);
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
      key?.attempt(false, reason, record.lastError);
      this.recent.failure(at, event.requestId, event.tier, reason, event.status, event.key);
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
      this.recent.fallback(this.now(), event);
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
      // A key's cooldown is not its tier's: the tier goes on with its other keys.
      if (event.key !== undefined) this.key(event.provider, event.key).cooldown(event.until, event.reason);
      else this.tier(event).cooldownUntil = event.until;
    } catch {
      // Metrics must never break a request.
    }
  }

  firstToken(event: FirstTokenEvent): void {
    try {
      this.tier(event).recordTtft(safeCount(event.ttftMs));
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
      const durationMs = safeCount(event.durationMs);
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
      if (event.usage !== undefined) recordUsage(this, record, event, this.prices, now);
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

  stateStoreError(operation: string): void {
    try {
      this.storeErrors.add(operation, () => ({ operation }));
    } catch {
      // Metrics must never break a request.
    }
  }

  snapshot(options: SnapshotOptions = {}): StatsSnapshot {
    return buildSnapshot(this, this.now(), options.tierStates);
  }

  prometheus(): Promise<string> {
    return this.registry.metrics();
  }

  usage(): UsageSummary {
    return usageView(this);
  }

  latencies(): TierLatency[] {
    return latenciesView(this);
  }

  tokenDrift(): TierTokenDrift[] {
    return tokenDriftView(this);
  }

  throughput(): ThroughputSummary {
    return throughputView(this, this.now());
  }
}

/** Labels for a request that ended before any tier was tried (bad request, nothing routable). */
const NO_TIER_LABELS = { tier: "none", provider: "none", model: "none" } as const;
