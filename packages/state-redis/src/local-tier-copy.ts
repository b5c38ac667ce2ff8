import type { TierHealthRecord } from "@ccr/router";
import { NO_RECORD, type OwnFields, ownFields, withOwnFields } from "./shared-fields.js";

/** A tier's record as this replica last saw it in Redis (or changed it while Redis was away). */
export interface MirroredRecord {
  /** The Redis version it came from; 0 when unknown, which any record from Redis replaces. */
  readonly version: number;
  readonly record: TierHealthRecord;
  /** Local clock, epoch ms. */
  readonly expiresAt: number;
  /**
   * Changed here while Redis could not be written. `version` is still the one the change was based on,
   * so the change is written back only if nobody else wrote the tier in the meantime.
   */
  readonly unsaved: boolean;
}

interface OwnEntry extends OwnFields {
  readonly expiresAt: number;
}

/**
 * The local copy every read answers from: per tier, the mirror of its shared record and this replica's
 * own fields (latency, last error). Expiry is checked on read, as Redis does with the key's TTL.
 */
export class LocalTierCopy {
  readonly #mirrors = new Map<string, MirroredRecord>();
  readonly #own = new Map<string, OwnEntry>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  read(tierId: string): TierHealthRecord | undefined {
    const mirror = this.mirror(tierId);
    const own = this.#liveOwn(tierId);
    if (!own) return mirror?.record;
    return withOwnFields(mirror?.record ?? NO_RECORD, own);
  }

  mirror(tierId: string): MirroredRecord | undefined {
    const mirror = this.#mirrors.get(tierId);
    if (mirror && mirror.expiresAt <= this.#now()) {
      this.#mirrors.delete(tierId);
      return undefined;
    }
    return mirror;
  }

  /** Tier ids with a live mirror. */
  mirroredIds(): string[] {
    return [...this.#mirrors.keys()].filter((id) => this.mirror(id) !== undefined);
  }

  /** A change that could not be written to Redis: `version` is the one it was based on. */
  setUnsaved(tierId: string, version: number, record: TierHealthRecord, ttlMs: number): void {
    this.#mirrors.set(tierId, { version, record, expiresAt: this.#now() + ttlMs, unsaved: true });
  }

  deleteMirror(tierId: string): void {
    this.#mirrors.delete(tierId);
  }

  /**
   * A record as stored in Redis: written here, announced, answered to a compare-and-set, or re-read. An
   * older version than the mirror's is ignored, since announcements and answers travel on different
   * connections and may cross. `ttlMs` as PTTL answers it (-1: no expiry). Returns whether it was taken.
   */
  accept(tierId: string, version: number, record: TierHealthRecord, ttlMs: number): boolean {
    const mirror = this.mirror(tierId);
    if (mirror && version <= mirror.version) return false;
    this.#mirrors.set(tierId, {
      version,
      record,
      expiresAt: ttlMs < 0 ? Number.POSITIVE_INFINITY : this.#now() + ttlMs,
      unsaved: false,
    });
    return true;
  }

  /** Keeps this replica's own fields of `record`, for `ttlMs` (as a record's life restarts at each update). */
  setOwn(tierId: string, record: TierHealthRecord, ttlMs: number): void {
    this.#own.set(tierId, { ...ownFields(record), expiresAt: this.#now() + ttlMs });
  }

  /**
   * Redis lost its data (a restart without persistence, a flush): versions from before compare with
   * nothing, and every record still live here is offered back, so the fleet forgets nothing that one of
   * its replicas remembers. What another replica writes first wins.
   */
  offerAllBack(): void {
    for (const [tierId, mirror] of this.#mirrors)
      this.#mirrors.set(tierId, { ...mirror, version: 0, unsaved: true });
  }

  #liveOwn(tierId: string): OwnEntry | undefined {
    const own = this.#own.get(tierId);
    if (own && own.expiresAt <= this.#now()) {
      this.#own.delete(tierId);
      return undefined;
    }
    return own;
  }
}
