import type { CircuitState, FailureReason } from "../observer/router-observer.js";
import type { KeyHealth } from "./key-health.js";

/** Tier health records expire after this long without an update. */
export const STATE_TTL_MS = 15 * 60_000;

/** The last failure a tier reported, for status output and the dashboard. */
export interface TierLastError {
  readonly reason: FailureReason;
  readonly status?: number;
  readonly message?: string;
  /** Epoch ms. */
  readonly at: number;
}

/** Health of one tier as kept in a {@link TierStateStore}. Plain data, so any store can serialize it. */
export interface TierHealthRecord {
  /** Epoch ms until which the tier is skipped (rate limit, bad credentials); 0 when not cooling. */
  readonly cooldownUntil: number;
  readonly cooldownReason?: FailureReason;
  readonly circuit: CircuitState;
  /** Epoch ms until which an open circuit stays open. */
  readonly openUntil: number;
  /** Epoch ms at which the single half-open probe started. */
  readonly probeStartedAt?: number;
  /** Failures in a row that say something about the tier's health (not rejections of the request). */
  readonly consecutiveFailures: number;
  /** Exponentially weighted moving average of time to first event (or whole response), ms. */
  readonly latencyEwmaMs?: number;
  readonly lastError?: TierLastError;
}

export const HEALTHY: TierHealthRecord = Object.freeze({
  cooldownUntil: 0,
  circuit: "closed",
  openUntil: 0,
  consecutiveFailures: 0,
});

/** A tier's health as shown to people: `ccr status`, `/api/stats`, the dashboard. */
export interface TierHealth {
  /** `"provider,model"`. */
  readonly tier: string;
  readonly provider: string;
  readonly model: string;
  readonly state: "healthy" | "cooling" | "open" | "half_open";
  /** Epoch ms until which the tier is skipped, when cooling or open. */
  readonly until?: number;
  readonly consecutiveFailures: number;
  readonly latencyEwmaMs?: number;
  readonly lastError?: TierLastError;
  /** The keys of the provider's key pool, by id; undefined for a provider with a single key. */
  readonly keys?: readonly KeyHealth[];
}
