import type { KeyHealthRecord } from "./key-health.js";
import { type KeyUsageBuckets, LocalKeyUsage, type UsageCounts } from "./key-usage.js";
import type { TierHealthRecord } from "./tier-health.js";
import type { KeyStateUpdate, TierStateStore, TierStateUpdate } from "./tier-state-store.js";

/** The single-process {@link TierStateStore}: Maps, atomic because each update runs synchronously. */
export class MemoryTierStateStore implements TierStateStore {
  readonly #tiers: ExpiringRecords<TierHealthRecord>;
  readonly #keys: ExpiringRecords<KeyHealthRecord>;
  readonly #usage = new LocalKeyUsage();

  constructor(options: { now?: () => number } = {}) {
    const now = options.now ?? Date.now;
    this.#tiers = new ExpiringRecords(now);
    this.#keys = new ExpiringRecords(now);
  }

  get(tierId: string): Promise<TierHealthRecord | undefined> {
    return Promise.resolve(this.#tiers.read(tierId));
  }

  getMany(tierIds: readonly string[]): Promise<ReadonlyArray<TierHealthRecord | undefined>> {
    return Promise.resolve(tierIds.map((id) => this.#tiers.read(id)));
  }

  update(
    tierId: string,
    change: (current: TierHealthRecord | undefined) => TierHealthRecord,
    ttlMs: number,
  ): Promise<TierStateUpdate> {
    return Promise.resolve(this.#tiers.update(tierId, change, ttlMs));
  }

  getKeys(keyIds: readonly string[]): Promise<ReadonlyArray<KeyHealthRecord | undefined>> {
    return Promise.resolve(keyIds.map((id) => this.#keys.read(id)));
  }

  updateKey(
    keyId: string,
    change: (current: KeyHealthRecord | undefined) => KeyHealthRecord,
    ttlMs: number,
  ): Promise<KeyStateUpdate> {
    return Promise.resolve(this.#keys.update(keyId, change, ttlMs));
  }

  keyUsage(keyId: string, now: number): KeyUsageBuckets {
    return this.#usage.buckets(keyId, now);
  }

  addKeyUsage(keyId: string, now: number, usage: UsageCounts): void {
    this.#usage.add(keyId, now, usage);
  }
}

/** Records by id that read as undefined once their time is up. */
class ExpiringRecords<T> {
  readonly #entries = new Map<string, { readonly record: T; readonly expiresAt: number }>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  read(id: string): T | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(id);
      return undefined;
    }
    return entry.record;
  }

  update(
    id: string,
    change: (current: T | undefined) => T,
    ttlMs: number,
  ): { before: T | undefined; after: T } {
    const before = this.read(id);
    const after = change(before);
    this.#entries.set(id, { record: after, expiresAt: this.#now() + ttlMs });
    return { before, after };
  }
}
