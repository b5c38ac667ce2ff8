/**
 * JSON shapes of the endpoints the Rust CCR serves (`/v1/usage`, `/v1/latencies`, `/v1/token-drift`),
 * snake_case as there, so scripts written against it keep working; extra fields are additive.
 * `/v1/throughput` has no Rust counterpart and follows the same conventions.
 */
import type { DriftLevel } from "./stats-snapshot.js";

export interface TierUsage {
  readonly tier: string;
  readonly requests: number;
  readonly failures: number;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_read_tokens: number;
  readonly cache_creation_tokens: number;
  readonly avg_duration_seconds: number;
  readonly cost_usd: number;
}

export interface UsageSummary {
  readonly total_requests: number;
  readonly total_failures: number;
  readonly total_input_tokens: number;
  readonly total_output_tokens: number;
  readonly total_cost_usd: number;
  readonly active_streams: number;
  readonly active_requests: number;
  readonly tiers: readonly TierUsage[];
}

export interface TierLatency {
  readonly tier: string;
  readonly ewma_seconds: number;
  readonly sample_count: number;
  readonly ttft_p50_seconds: number | null;
  readonly ttft_p90_seconds: number | null;
}

export interface TierTokenDrift {
  readonly tier: string;
  readonly samples: number;
  readonly cumulative_local: number;
  readonly cumulative_upstream: number;
  readonly cumulative_drift_pct: number;
  readonly last_local: number;
  readonly last_upstream: number;
  readonly last_drift_pct: number;
  readonly level: DriftLevel;
}

export interface TierThroughput {
  readonly tier: string;
  readonly requests_per_second: number;
  readonly output_tokens_per_second: number;
  /** EWMA of per-answer generation speed (output tokens / generation time). */
  readonly avg_generation_tokens_per_second: number | null;
}

export interface ThroughputSummary {
  readonly window_seconds: number;
  readonly requests_per_second: number;
  readonly output_tokens_per_second: number;
  readonly tiers: readonly TierThroughput[];
}
