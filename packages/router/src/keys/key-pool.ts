import type { ProviderConfig, ProviderKey } from "@ccr/config";
import type { TokenUsage } from "@ccr/transform";
import type { AttemptFailure } from "../cascade/classify-outcome.js";
import { AUTH_COOLDOWN_MS, RATE_LIMIT_DEFAULT_COOLDOWN_MS } from "../cascade/next-step.js";
import { MAX_RETRY_AFTER_MS } from "../cascade/parse-retry-after.js";
import type { KeyHealthRecord } from "../state/key-health.js";
import { usageInLastMinute } from "../state/key-usage.js";
import { STATE_TTL_MS } from "../state/tier-health.js";
import type { KeyStateUpdate, TierStateStore } from "../state/tier-state-store.js";
import { coolKey } from "./key-changes.js";
import type { KeySelector } from "./key-selector.js";
import { type KeyStatus, keyStatus } from "./key-status.js";

/**
 * The shortest a rate-limited key is set aside, whatever its Retry-After says: a `Retry-After: 0` must
 * not send the next attempt straight back to the same key.
 */
export const MIN_KEY_COOLDOWN_MS = 1_000;

export interface KeyPoolDeps {
  readonly store: TierStateStore;
  readonly selector: KeySelector;
  readonly now: () => number;
}

/** No key of the pool can take the request now. */
export interface PoolExhausted {
  /** When the first key is usable again (as far as known: a budget frees up gradually). */
  readonly until: number;
  /** `auth` when that first key is out because the provider refused it; `rate_limited` otherwise (429 or budget). */
  readonly reason: "rate_limited" | "auth";
  /** E.g. `every key of "zai" is unavailable: zai#1 cooling, zai#2 out`; ids only. */
  readonly message: string;
}

export type KeyChoice =
  | { readonly kind: "key"; readonly key: ProviderKey }
  | { readonly kind: "exhausted"; readonly exhausted: PoolExhausted };

/** What a failed attempt says about its key, when it is about the key rather than the tier. */
export function keyFailureKind(failure: AttemptFailure): "rate_limited" | "auth" | undefined {
  if (failure.reason === "rate_limited") return "rate_limited";
  // 404 names a model the provider does not have: that is the tier's, whatever the key.
  if (failure.reason === "auth" && failure.status !== 404) return "auth";
  return undefined;
}

/**
 * One request's use of a provider's key pool at one tier: which key each attempt uses (weighted
 * round-robin over the usable keys), what a 429 or a refusal does to that key, and the budget counters.
 * Records are read from the store at each choice, so what other requests (and replicas) learned applies.
 */
export class KeyPool {
  readonly #deps: KeyPoolDeps;
  readonly #provider: ProviderConfig;
  readonly #keys: readonly ProviderKey[];
  readonly #needTokens: number;

  constructor(deps: KeyPoolDeps, provider: ProviderConfig, keys: readonly ProviderKey[], needTokens: number) {
    this.#deps = deps;
    this.#provider = provider;
    this.#keys = keys;
    this.#needTokens = needTokens;
  }

  get size(): number {
    return this.#keys.length;
  }

  /** A usable key by weighted round-robin, or when the first key is back. */
  async choose(): Promise<KeyChoice> {
    const now = this.#deps.now();
    const statuses = await this.#statuses(now);
    const ready: Array<{ id: string; weight: number; key: ProviderKey }> = [];
    for (const { key, status } of statuses)
      if (status.kind === "ready") ready.push({ id: key.id, weight: status.weight, key });
    const picked = this.#deps.selector.pick(ready);
    if (picked) return { kind: "key", key: picked.key };
    return { kind: "exhausted", exhausted: this.#exhausted(statuses) };
  }

  /** Undefined while some key is usable; otherwise when the first one is back. Chooses nothing. */
  async unavailable(): Promise<PoolExhausted | undefined> {
    const statuses = await this.#statuses(this.#deps.now());
    return statuses.some(({ status }) => status.kind === "ready") ? undefined : this.#exhausted(statuses);
  }

  /** Counts an attempt with `key` toward its budgets: one request, and the request's estimated tokens. */
  reserve(key: ProviderKey): void {
    if (key.rpm === undefined && key.tpm === undefined) return;
    this.#deps.store.addKeyUsage(key.id, this.#deps.now(), { requests: 1, tokens: this.#needTokens });
  }

  /**
   * The attempt ended: its estimated tokens are replaced by what the provider reported (input, output and
   * cache tokens), or given back when it failed before any answer. Without a report the estimate stays.
   */
  settle(key: ProviderKey, outcome: { readonly usage?: TokenUsage; readonly failed?: boolean }): void {
    if (key.tpm === undefined) return;
    const usage = outcome.usage;
    const tokens = outcome.failed
      ? 0
      : usage
        ? usage.inputTokens + usage.outputTokens + usage.cacheReadTokens + usage.cacheCreationTokens
        : this.#needTokens;
    if (tokens === this.#needTokens) return;
    this.#deps.store.addKeyUsage(key.id, this.#deps.now(), {
      requests: 0,
      tokens: tokens - this.#needTokens,
    });
  }

  /** A 429 sets the key aside for its Retry-After; a refusal takes it out for the credentials cooldown. */
  failed(key: ProviderKey, kind: "rate_limited" | "auth", failure: AttemptFailure): Promise<KeyStateUpdate> {
    const at = this.#deps.now();
    const waitMs =
      kind === "auth"
        ? AUTH_COOLDOWN_MS
        : Math.min(
            Math.max(failure.retryAfterMs ?? RATE_LIMIT_DEFAULT_COOLDOWN_MS, MIN_KEY_COOLDOWN_MS),
            MAX_RETRY_AFTER_MS,
          );
    return this.#deps.store.updateKey(
      key.id,
      (current) =>
        coolKey(current, {
          until: at + waitMs,
          reason: kind,
          status: failure.status,
          message: failure.message,
          at,
        }),
      STATE_TTL_MS,
    );
  }

  async #statuses(
    now: number,
  ): Promise<Array<{ key: ProviderKey; record: KeyHealthRecord | undefined; status: KeyStatus }>> {
    const { store } = this.#deps;
    const records = await store.getKeys(this.#keys.map((key) => key.id));
    return this.#keys.map((key, index) => {
      const record = records[index];
      const budgeted = key.rpm !== undefined || key.tpm !== undefined;
      const used = budgeted
        ? usageInLastMinute(store.keyUsage(key.id, now), now)
        : { requests: 0, tokens: 0 };
      return { key, record, status: keyStatus(key, record, used, this.#needTokens, now) };
    });
  }

  #exhausted(statuses: ReadonlyArray<{ key: ProviderKey; status: KeyStatus }>): PoolExhausted {
    let first: { until: number; kind: KeyStatus["kind"] } | undefined;
    const parts: string[] = [];
    for (const { key, status } of statuses) {
      if (status.kind === "ready") continue;
      parts.push(`${key.id} ${status.kind === "over_budget" ? "over budget" : status.kind}`);
      if (!first || status.until < first.until) first = { until: status.until, kind: status.kind };
    }
    return {
      until: first?.until ?? this.#deps.now(),
      reason: first?.kind === "out" ? "auth" : "rate_limited",
      message: `every key of "${this.#provider.name}" is unavailable: ${parts.join(", ")}`,
    };
  }
}
