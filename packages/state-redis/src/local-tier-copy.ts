import { emptyRecord, type SharedRecord } from "./record-ids.js";
import { type OwnFields, ownFields, withOwnFields } from "./shared-fields.js";

/** A record as this replica last saw it in Redis (or changed it while Redis was away). */
export interface MirroredRecord {
  /** The Redis version it came from; 0 when unknown, which any record from Redis replaces. */
  readonly version: number;
  readonly record: SharedRecord;
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
 * The local copy every read answers from: per record (a tier's or a pooled key's), the mirror of its shared
 * record and this replica's own fields (latency, last error). Expiry is checked on read, as Redis does with
 * the key's TTL.
 */
export class LocalTierCopy {
  readonly #mirrors = new Map<string, MirroredRecord>();
  readonly #own = new Map<string, OwnEntry>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  read(recordId: string): SharedRecord | undefined {
    const mirror = this.mirror(recordId);
    const own = this.#liveOwn(recordId);
    if (!own) return mirror?.record;
    return withOwnFields(mirror?.record ?? emptyRecord(recordId), own);
  }

  mirror(recordId: string): MirroredRecord | undefined {
    const mirror = this.#mirrors.get(recordId);
    if (mirror && mirror.expiresAt <= this.#now()) {
      this.#mirrors.delete(recordId);
      return undefined;
    }
    return mirror;
  }

  /** Record ids with a live mirror. */
  mirroredIds(): string[] {
    return [...this.#mirrors.keys()].filter((id) => this.mirror(id) !== undefined);
  }

  /** A change that could not be written to Redis: `version` is the one it was based on. */
  setUnsaved(recordId: string, version: number, record: SharedRecord, ttlMs: number): void {
    this.#mirrors.set(recordId, { version, record, expiresAt: this.#now() + ttlMs, unsaved: true });
  }

  deleteMirror(recordId: string): void {
    this.#mirrors.delete(recordId);
  }

  /**
   * A record as stored in Redis: written here, announced, answered to a compare-and-set, or re-read. An
   * older version than the mirror's is ignored, since announcements and answers travel on different
   * connections and may cross. `ttlMs` as PTTL answers it (-1: no expiry). Returns whether it was taken.
   */
  accept(recordId: string, version: number, record: SharedRecord, ttlMs: number): boolean {
    const mirror = this.mirror(recordId);
    if (mirror && version <= mirror.version) return false;
    this.#mirrors.set(recordId, {
      version,
      record,
      expiresAt: ttlMs < 0 ? Number.POSITIVE_INFINITY : this.#now() + ttlMs,
      unsaved: false,
    });
    return true;
  }

  /** Keeps this replica's own fields of `record`, for `ttlMs` (as a record's life restarts at each update). */
  setOwn(recordId: string, record: SharedRecord, ttlMs: number): void {
    this.#own.set(recordId, { ...ownFields(record), expiresAt: this.#now() + ttlMs });
  }

  /**
   * Redis lost its data (a restart without persistence, a flush): versions from before compare with
   * nothing, and every record still live here is offered back, so the fleet forgets nothing that one of
   * its replicas remembers. What another replica writes first wins.
   */
  offerAllBack(): void {
    for (const [recordId, mirror] of this.#mirrors)
      this.#mirrors.set(recordId, { ...mirror, version: 0, unsaved: true });
  }

  #liveOwn(recordId: string): OwnEntry | undefined {
    const own = this.#own.get(recordId);
    if (own && own.expiresAt <= this.#now()) {
      this.#own.delete(recordId);
      return undefined;
    }
    return own;
  }
}
