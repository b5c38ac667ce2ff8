import type { TierHealthRecord } from "./tier-health.js";
import type { TierStateStore, TierStateUpdate } from "./tier-state-store.js";

interface Entry {
  readonly record: TierHealthRecord;
  readonly expiresAt: number;
}

/** The single-process {@link TierStateStore}: a Map, atomic because each update runs synchronously. */
export class MemoryTierStateStore implements TierStateStore {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  get(tierId: string): Promise<TierHealthRecord | undefined> {
    return Promise.resolve(this.#read(tierId));
  }

  getMany(tierIds: readonly string[]): Promise<ReadonlyArray<TierHealthRecord | undefined>> {
    return Promise.resolve(tierIds.map((id) => this.#read(id)));
  }

  update(
    tierId: string,
    change: (current: TierHealthRecord | undefined) => TierHealthRecord,
    ttlMs: number,
  ): Promise<TierStateUpdate> {
    const before = this.#read(tierId);
    const after = change(before);
    this.#entries.set(tierId, { record: after, expiresAt: this.#now() + ttlMs });
    return Promise.resolve({ before, after });
  }

  #read(tierId: string): TierHealthRecord | undefined {
    const entry = this.#entries.get(tierId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(tierId);
      return undefined;
    }
    return entry.record;
  }
}
