import { LabelledCounts } from "./labelled-counts.js";
import type { FailureReason } from "./metrics-sink.js";
import type { KeyHealthInput, KeyState, KeyStats, TierError } from "./stats-snapshot.js";

/**
 * What the events say about one key of a key pool, by its id (`zai#2`, which starts with its provider):
 * attempts by outcome and cooldowns by reason for Prometheus, and the state the cooldown events imply.
 * Keys are few (those written in the config), so their labels stay bounded.
 */
export class KeyRecord {
  readonly labels: { readonly provider: string; readonly key: string };
  ok = 0;
  failed = 0;
  rateLimitHits = 0;
  /** `ccr_key_attempts_total`: by outcome, `ok` or the failure reason. */
  readonly attempts = new LabelledCounts();
  /** `ccr_key_cooldowns_total`: by reason, `rate_limited` or `auth`. */
  readonly cooldowns = new LabelledCounts();
  cooldownUntil: number | null = null;
  cooldownReason: FailureReason | null = null;
  lastError: TierError | null = null;

  constructor(provider: string, key: string) {
    this.labels = { provider, key };
  }

  attempt(ok: boolean, reason: FailureReason | undefined, error: TierError | null): void {
    const outcome = ok ? "ok" : (reason ?? "server_error");
    this.attempts.add(outcome, () => ({ ...this.labels, outcome }));
    if (ok) {
      this.ok++;
      return;
    }
    this.failed++;
    if (reason === "rate_limited") this.rateLimitHits++;
    this.lastError = error;
  }

  cooldown(until: number, reason: FailureReason): void {
    this.cooldowns.add(reason, () => ({ ...this.labels, reason }));
    this.cooldownUntil = until;
    this.cooldownReason = reason;
  }

  /** From the events alone: out after a refusal, cooling after a 429, until their time is up. */
  state(now: number): { state: KeyState; until: number | null } {
    if (this.cooldownUntil === null || this.cooldownUntil <= now) return { state: "ready", until: null };
    return { state: this.cooldownReason === "auth" ? "out" : "cooling", until: this.cooldownUntil };
  }

  /** `ccr_key_state`: 0 ready, 1 cooling, 2 out. */
  stateValue(now: number): number {
    const { state } = this.state(now);
    return state === "out" ? 2 : state === "cooling" ? 1 : 0;
  }

  /** The router's view of the key wins when given, as for tiers; the counts are the events'. */
  stats(now: number, health?: KeyHealthInput): KeyStats {
    const own = this.state(now);
    return {
      id: this.labels.key,
      state: health?.state ?? own.state,
      until: health ? (health.until ?? null) : own.until,
      requests: { ok: this.ok, failed: this.failed },
      rateLimitHits: this.rateLimitHits,
      rpm: health?.rpm ?? null,
      tpm: health?.tpm ?? null,
      lastError: newer(this.lastError, health?.lastError ?? null),
    };
  }
}

/** A key known from the router's health only (no attempt yet on this replica). */
export function keyStatsFromHealth(health: KeyHealthInput): KeyStats {
  return {
    id: health.id,
    state: health.state,
    until: health.until ?? null,
    requests: { ok: 0, failed: 0 },
    rateLimitHits: 0,
    rpm: health.rpm ?? null,
    tpm: health.tpm ?? null,
    lastError: health.lastError ?? null,
  };
}

function newer(a: TierError | null, b: TierError | null): TierError | null {
  if (!a) return b;
  if (!b) return a;
  return b.at > a.at ? b : a;
}
