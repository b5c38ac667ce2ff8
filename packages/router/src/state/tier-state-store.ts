import type { TierHealthRecord } from "./tier-health.js";

export interface TierStateUpdate {
  /** The record the change was applied to (undefined: none, or expired). */
  readonly before: TierHealthRecord | undefined;
  readonly after: TierHealthRecord;
}

/**
 * Where tier health lives. The in-memory store serves one process; a shared implementation (Redis)
 * lets several replicas behind a load balancer agree on cooldowns and circuits.
 *
 * Contract for implementations:
 * - `update` is atomic: `change` sees the current record and its result replaces it with no other
 *   update in between. `change` is pure, so an optimistic store (Redis WATCH/MULTI) may call it
 *   again on conflict. The router relies on this for the single half-open probe.
 * - A record expires `ttlMs` after its last update and then reads as undefined (healthy).
 * - Methods may be async; they are on every request's path, so keep them to one round trip.
 */
export interface TierStateStore {
  get(tierId: string): Promise<TierHealthRecord | undefined>;
  getMany(tierIds: readonly string[]): Promise<ReadonlyArray<TierHealthRecord | undefined>>;
  update(
    tierId: string,
    change: (current: TierHealthRecord | undefined) => TierHealthRecord,
    ttlMs: number,
  ): Promise<TierStateUpdate>;
}
