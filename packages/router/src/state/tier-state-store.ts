import type { KeyHealthRecord } from "./key-health.js";
import type { KeyUsageBuckets, UsageCounts } from "./key-usage.js";
import type { TierHealthRecord } from "./tier-health.js";

export interface TierStateUpdate {
  /** The record the change was applied to (undefined: none, or expired). */
  readonly before: TierHealthRecord | undefined;
  readonly after: TierHealthRecord;
}

export interface KeyStateUpdate {
  readonly before: KeyHealthRecord | undefined;
  readonly after: KeyHealthRecord;
}

/**
 * Where tier health lives, and the health and budget counters of the keys of key pools. The in-memory
 * store serves one process; a shared implementation (Redis) lets several replicas behind a load balancer
 * agree on cooldowns, circuits, keys and budgets.
 *
 * Contract for implementations:
 * - `update` and `updateKey` are atomic: `change` sees the current record and its result replaces it with
 *   no other update in between. `change` is pure, so an optimistic store (Redis WATCH/MULTI) may call it
 *   again on conflict. The router relies on this for the single half-open probe.
 * - A record expires `ttlMs` after its last update and then reads as undefined (healthy).
 * - Tier ids (`provider,model`) and key ids (`provider#n`) are separate spaces: a store keeps each kind
 *   of record apart.
 * - Methods may be async; they are on every request's path, so keep them to one round trip. The budget
 *   counters (`keyUsage`, `addKeyUsage`) are synchronous: they are read and counted on every attempt with
 *   a budgeted key, so a shared store counts locally and exchanges totals in the background.
 */
export interface TierStateStore {
  get(tierId: string): Promise<TierHealthRecord | undefined>;
  getMany(tierIds: readonly string[]): Promise<ReadonlyArray<TierHealthRecord | undefined>>;
  update(
    tierId: string,
    change: (current: TierHealthRecord | undefined) => TierHealthRecord,
    ttlMs: number,
  ): Promise<TierStateUpdate>;
  getKeys(keyIds: readonly string[]): Promise<ReadonlyArray<KeyHealthRecord | undefined>>;
  updateKey(
    keyId: string,
    change: (current: KeyHealthRecord | undefined) => KeyHealthRecord,
    ttlMs: number,
  ): Promise<KeyStateUpdate>;
  /**
   * A key's budget counters for the minute `now` falls in and the one before; fleet-wide for a shared
   * store, as far as it knows (its documented staleness).
   */
  keyUsage(keyId: string, now: number): KeyUsageBuckets;
  /** Counts toward a key's budget in the minute `now` falls in; negative tokens correct an earlier estimate. */
  addKeyUsage(keyId: string, now: number, usage: UsageCounts): void;
}
