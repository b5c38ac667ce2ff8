import type { ThroughputSummary, TierLatency, TierTokenDrift, UsageSummary } from "./json-views.js";
import { type MetricsState, orderedTiers, SERIES_OUTPUT_TOKENS, SERIES_REQUESTS } from "./metrics-state.js";
import { THROUGHPUT_WINDOW_SECONDS, TIER_OUTPUT_TOKENS, TIER_REQUESTS } from "./tier-record.js";

/** `/v1/usage`: totals and per-tier tokens, cost and mean duration. */
export function usageView(state: MetricsState): UsageSummary {
  const t = state.totals;
  return {
    total_requests: t.requests,
    total_failures: t.failed,
    total_input_tokens: t.inputTokens,
    total_output_tokens: t.outputTokens,
    total_cost_usd: t.costUsd,
    active_streams: t.activeStreams,
    active_requests: state.active.size,
    tiers: orderedTiers(state.tiers).map((r) => ({
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

/** `/v1/latencies`: each tier's EWMA latency and time-to-first-token quantiles. */
export function latenciesView(state: MetricsState): TierLatency[] {
  return orderedTiers(state.tiers).map((r) => {
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

/** `/v1/token-drift`: the tiers with drift samples, the proxy's estimate against what the provider counted. */
export function tokenDriftView(state: MetricsState): TierTokenDrift[] {
  const out: TierTokenDrift[] = [];
  for (const r of orderedTiers(state.tiers)) {
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

/** `/v1/throughput`: request and token rates over the last minute, overall and per tier. */
export function throughputView(state: MetricsState, now: number): ThroughputSummary {
  const w = THROUGHPUT_WINDOW_SECONDS;
  return {
    window_seconds: w,
    requests_per_second: state.series.total(now, SERIES_REQUESTS, w) / w,
    output_tokens_per_second: state.series.total(now, SERIES_OUTPUT_TOKENS, w) / w,
    tiers: orderedTiers(state.tiers).map((r) => ({
      tier: r.labels.tier,
      requests_per_second: r.window.total(now, TIER_REQUESTS, w) / w,
      output_tokens_per_second: r.window.total(now, TIER_OUTPUT_TOKENS, w) / w,
      avg_generation_tokens_per_second: r.outputTokensPerSecond,
    })),
  };
}
