import type { FailureReason } from "../observer/router-observer.js";
import { HEALTHY, type TierHealth, type TierHealthRecord } from "./tier-health.js";

/** Failures in a row that open a tier's circuit. */
export const CIRCUIT_FAILURE_THRESHOLD = 5;
/** How long an open circuit skips its tier before one probe request may try it. */
export const CIRCUIT_OPEN_MS = 30_000;
/**
 * A half-open probe that has not reported back within this long is presumed lost (its process died),
 * and another request may probe. Generous: a probe is an ordinary request and may stream for minutes.
 */
export const PROBE_STALE_MS = 10 * 60_000;
const LATENCY_EWMA_ALPHA = 0.3;

export type Admission =
  | { readonly kind: "allow" }
  /** The circuit is open and its time is up: the caller may try to become the single probe. */
  | { readonly kind: "probe" }
  | { readonly kind: "skip"; readonly reason: "cooling" | "circuit_open"; readonly until?: number };

/** Whether a request may use the tier now. Pure; skipping costs nothing. */
export function admit(record: TierHealthRecord | undefined, now: number): Admission {
  if (!record) return { kind: "allow" };
  if (record.cooldownUntil > now) return { kind: "skip", reason: "cooling", until: record.cooldownUntil };
  if (record.circuit === "open") {
    return record.openUntil > now
      ? { kind: "skip", reason: "circuit_open", until: record.openUntil }
      : { kind: "probe" };
  }
  if (record.circuit === "half_open") {
    return (record.probeStartedAt ?? 0) + PROBE_STALE_MS > now
      ? { kind: "skip", reason: "circuit_open" }
      : { kind: "probe" };
  }
  return { kind: "allow" };
}

/** Open → half-open, claiming the probe; unchanged when someone else claimed it first. */
export function claimProbe(record: TierHealthRecord | undefined, now: number): TierHealthRecord {
  const current = record ?? HEALTHY;
  return admit(current, now).kind === "probe"
    ? { ...current, circuit: "half_open", probeStartedAt: now }
    : current;
}

/** The probe ended without a verdict on the tier's health (client gone): let the next request probe. */
export function releaseProbe(record: TierHealthRecord | undefined, now: number): TierHealthRecord {
  const current = record ?? HEALTHY;
  if (current.circuit !== "half_open") return current;
  return { ...current, circuit: "open", openUntil: now, probeStartedAt: undefined };
}

export function recordSuccess(record: TierHealthRecord | undefined, latencyMs: number): TierHealthRecord {
  const current = record ?? HEALTHY;
  const latencyEwmaMs =
    current.latencyEwmaMs === undefined
      ? latencyMs
      : current.latencyEwmaMs + LATENCY_EWMA_ALPHA * (latencyMs - current.latencyEwmaMs);
  return {
    ...current,
    circuit: "closed",
    openUntil: 0,
    probeStartedAt: undefined,
    consecutiveFailures: 0,
    latencyEwmaMs,
  };
}

export interface FailureFacts {
  readonly reason: FailureReason;
  readonly status?: number;
  readonly message?: string;
  /** Whether the failure says the tier is unhealthy (5xx, timeouts, resets), as opposed to a rejected request. */
  readonly countsAgainstHealth: boolean;
  /** Skip the tier until then (rate limit, bad credentials). */
  readonly cooldownUntil?: number;
}

/**
 * A failed attempt. Health failures count toward the threshold that opens the circuit; a failed
 * half-open probe re-opens it at once. A probe that ends in a failure that does not count releases
 * the probe instead, so the next request decides.
 */
export function recordFailure(
  record: TierHealthRecord | undefined,
  now: number,
  facts: FailureFacts,
): TierHealthRecord {
  const current = record ?? HEALTHY;
  const consecutiveFailures = facts.countsAgainstHealth
    ? current.consecutiveFailures + 1
    : current.consecutiveFailures;
  const next: TierHealthRecord = {
    ...current,
    consecutiveFailures,
    lastError: { reason: facts.reason, status: facts.status, message: facts.message, at: now },
  };
  const cooled =
    facts.cooldownUntil !== undefined && facts.cooldownUntil > current.cooldownUntil
      ? { ...next, cooldownUntil: facts.cooldownUntil, cooldownReason: facts.reason }
      : next;
  if (current.circuit === "half_open") {
    return facts.countsAgainstHealth
      ? { ...cooled, circuit: "open", openUntil: now + CIRCUIT_OPEN_MS, probeStartedAt: undefined }
      : releaseProbe(cooled, now);
  }
  if (
    current.circuit === "closed" &&
    facts.countsAgainstHealth &&
    consecutiveFailures >= CIRCUIT_FAILURE_THRESHOLD
  ) {
    return { ...cooled, circuit: "open", openUntil: now + CIRCUIT_OPEN_MS };
  }
  return cooled;
}

/** A reloaded config may carry fixed credentials or a new key: a credentials cooldown ends, nothing else does. */
export function liftAuthCooldown(record: TierHealthRecord | undefined): TierHealthRecord {
  const current = record ?? HEALTHY;
  return current.cooldownReason === "auth"
    ? { ...current, cooldownUntil: 0, cooldownReason: undefined }
    : current;
}

/** The view of a record people read. */
export function describeHealth(
  tier: { readonly id: string; readonly provider: string; readonly model: string },
  record: TierHealthRecord | undefined,
  now: number,
): TierHealth {
  const current = record ?? HEALTHY;
  const base = {
    tier: tier.id,
    provider: tier.provider,
    model: tier.model,
    consecutiveFailures: current.consecutiveFailures,
    latencyEwmaMs: current.latencyEwmaMs,
    lastError: current.lastError,
  };
  if (current.circuit === "open" && current.openUntil > now)
    return { ...base, state: "open", until: current.openUntil };
  // An open circuit whose time is up lets the next request through as its probe.
  if (current.circuit !== "closed") return { ...base, state: "half_open" };
  if (current.cooldownUntil > now) return { ...base, state: "cooling", until: current.cooldownUntil };
  return { ...base, state: "healthy" };
}
