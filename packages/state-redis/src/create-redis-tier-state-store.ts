import type {
  KeyHealthRecord,
  KeyStateUpdate,
  KeyUsageBuckets,
  TierHealthRecord,
  TierStateUpdate,
  UsageCounts,
} from "@ccr/router";
import { Redis } from "ioredis";
import { parseChangeMessage } from "./change-message.js";
import { KeyUsageCounters } from "./key-usage-counters.js";
import { LocalTierCopy } from "./local-tier-copy.js";
import { describeRedisUrl, OutageLog } from "./outage-log.js";
import { emptyRecord, keyRecordId, parseRecord, type SharedRecord, tierRecordId } from "./record-ids.js";
import { redisKeys } from "./redis-keys.js";
import type {
  RedisTierStateStore,
  RedisTierStateStoreOptions,
  StateStoreError,
  StateStoreOperation,
} from "./redis-tier-state-store.js";
import { sameSharedFields } from "./shared-fields.js";
import { defineTierScripts, type TierScripts, type TierSnapshot } from "./tier-scripts.js";

/**
 * Conflicts in a row after which an update stops trying Redis and keeps its local result. Updates of one
 * record are serialized within a process, so conflicts come only from other replicas writing the same one.
 */
const MAX_CONFLICTS = 20;

/**
 * A {@link TierStateStore} shared by every replica on one Redis: tier records and pooled keys' records
 * alike. Reads answer from a local copy, kept current by announcements on a channel (each carrying the new
 * record) and a whole re-read every `syncIntervalMs`. An update that changes a shared field is a
 * compare-and-set in Redis; one that changes only this replica's own fields (a success on a healthy tier)
 * stays local. Keys' budget counters are counted locally and exchanged with the fleet's totals on the same
 * interval. When Redis is away everything goes on with the local copy, and the changes made meanwhile are
 * written back when it returns.
 *
 * Throws a `TypeError` when `url` is not a `redis://` or `rediss://` URL (without repeating it: it may
 * hold a password). Connecting happens in the background and never throws.
 */
export function createRedisTierStateStore(options: RedisTierStateStoreOptions): RedisTierStateStore {
  return new SharedTierStateStore(options);
}

class SharedTierStateStore implements RedisTierStateStore {
  readonly #now: () => number;
  readonly #copy: LocalTierCopy;
  readonly #client: Redis;
  readonly #subscriber: Redis;
  readonly #scripts: TierScripts;
  readonly #outage: OutageLog;
  readonly #origin = crypto.randomUUID();
  readonly #listeners = new Set<(event: StateStoreError) => void>();
  readonly #syncedWaiters = new Set<(synced: boolean) => void>();
  readonly #inFlight = new Map<string, Promise<void>>();
  readonly #usage: KeyUsageCounters;
  readonly #timer: NodeJS.Timeout;
  /** The Redis data set the versions in the copy belong to. */
  #epoch = "";
  #errorCount = 0;
  #syncedOnce = false;
  /** Announcements arrive from then on: a sync after it leaves nothing missed. */
  #subscribed = false;
  #syncing: Promise<void> | undefined;
  #syncAgain = false;
  #closed = false;

  constructor(options: RedisTierStateStoreOptions) {
    if (!/^rediss?:\/\/[^/]/.test(options.url)) {
      throw new TypeError(
        "not a Redis URL: expected redis://[user:password@]host[:port][/db], or rediss://... for TLS",
      );
    }
    this.#now = options.now ?? Date.now;
    this.#copy = new LocalTierCopy(this.#now);
    this.#usage = new KeyUsageCounters(this.#now);
    const where = describeRedisUrl(options.url);
    this.#outage = new OutageLog({ logger: options.logger, now: this.#now, where });
    const keys = redisKeys(options.keyPrefix ?? "ccr:");
    this.#client = new Redis(options.url, {
      commandTimeout: options.commandTimeoutMs ?? 300,
      connectTimeout: 2_000,
      // While disconnected, fail at once instead of queueing: the local copy answers meanwhile.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(100 * attempt, 1_000),
    });
    // The subscription waits for a connection however long it takes, and is renewed after each reconnection.
    this.#subscriber = this.#client.duplicate({
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      commandTimeout: undefined,
    });
    this.#scripts = defineTierScripts(this.#client, keys);

    for (const connection of [this.#client, this.#subscriber]) {
      connection.on("error", (error: Error) => this.#failed("connect", error));
      // A new connection may have missed announcements, and Redis may have restarted empty.
      connection.on("ready", () => void this.#sync());
    }
    this.#subscriber.on("message", (_channel: string, text: string) => this.#receive(text));
    this.#subscriber.subscribe(keys.channel).then(
      () => {
        this.#subscribed = true;
        void this.#sync();
      },
      (error: Error) => this.#failed("connect", error),
    );
    this.#timer = setInterval(() => {
      if (this.#client.status !== "ready") return;
      void this.#sync();
      void this.#flushUsage();
    }, options.syncIntervalMs ?? 700);
    this.#timer.unref();
  }

  get errorCount(): number {
    return this.#errorCount;
  }

  onError(listener: (event: StateStoreError) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get(tierId: string): Promise<TierHealthRecord | undefined> {
    return Promise.resolve(this.#copy.read(tierRecordId(tierId)) as TierHealthRecord | undefined);
  }

  getMany(tierIds: readonly string[]): Promise<ReadonlyArray<TierHealthRecord | undefined>> {
    return Promise.resolve(
      tierIds.map((id) => this.#copy.read(tierRecordId(id)) as TierHealthRecord | undefined),
    );
  }

  update(
    tierId: string,
    change: (current: TierHealthRecord | undefined) => TierHealthRecord,
    ttlMs: number,
  ): Promise<TierStateUpdate> {
    return this.#serialized(tierRecordId(tierId), change as Change, ttlMs) as Promise<TierStateUpdate>;
  }

  getKeys(keyIds: readonly string[]): Promise<ReadonlyArray<KeyHealthRecord | undefined>> {
    return Promise.resolve(
      keyIds.map((id) => this.#copy.read(keyRecordId(id)) as KeyHealthRecord | undefined),
    );
  }

  updateKey(
    keyId: string,
    change: (current: KeyHealthRecord | undefined) => KeyHealthRecord,
    ttlMs: number,
  ): Promise<KeyStateUpdate> {
    return this.#serialized(keyRecordId(keyId), change as Change, ttlMs) as Promise<KeyStateUpdate>;
  }

  keyUsage(keyId: string, now: number): KeyUsageBuckets {
    return this.#usage.buckets(keyId, now);
  }

  addKeyUsage(keyId: string, now: number, usage: UsageCounts): void {
    this.#usage.add(keyId, now, usage);
  }

  #serialized(recordId: string, change: Change, ttlMs: number): Promise<RecordUpdate> {
    // One update of a record at a time in this process: they would only conflict with each other. The
    // common case (nothing in flight) runs at once, and a local-only update then settles synchronously.
    const previous = this.#inFlight.get(recordId);
    const run = previous
      ? previous.then(() => this.#update(recordId, change, ttlMs))
      : this.#update(recordId, change, ttlMs);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.#inFlight.set(recordId, settled);
    void settled.then(() => {
      if (this.#inFlight.get(recordId) === settled) this.#inFlight.delete(recordId);
    });
    return run;
  }

  async #update(recordId: string, change: Change, ttlMs: number): Promise<RecordUpdate> {
    for (let conflicts = 0; ; conflicts++) {
      const before = this.#copy.read(recordId);
      const after = change(before);
      const expectedVersion = this.#copy.mirror(recordId)?.version ?? 0;
      const keep = (unsaved: boolean): RecordUpdate => {
        this.#copy.setOwn(recordId, after, ttlMs);
        if (unsaved) this.#copy.setUnsaved(recordId, expectedVersion, after, ttlMs);
        return { before, after };
      };
      // What keeps successes free of round trips: nothing other replicas act on has changed.
      if (sameSharedFields(before ?? emptyRecord(recordId), after)) return keep(false);
      // Known to be away (a failure since the last good sync): no waiting for another timeout.
      if (this.#closed || this.#outage.down || this.#client.status !== "ready") return keep(true);
      if (conflicts >= MAX_CONFLICTS) return keep(true);
      try {
        const result = await this.#scripts.compareAndSet({
          recordId,
          epoch: this.#epoch,
          expectedVersion,
          recordJson: JSON.stringify(after),
          ttlMs,
          origin: this.#origin,
        });
        this.#learnEpoch(result.epoch);
        if (result.written) {
          this.#copy.accept(recordId, result.version, after, ttlMs);
          return keep(false);
        }
        // Someone wrote first: run the change again on what they wrote.
        this.#acceptStored(recordId, result.version, result.recordJson, result.pttlMs);
      } catch (error) {
        this.#failed("update", asError(error));
        return keep(true);
      }
    }
  }

  synced(timeoutMs: number): Promise<boolean> {
    if (this.#syncedOnce) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (synced: boolean) => {
        clearTimeout(timer);
        this.#syncedWaiters.delete(done);
        resolve(synced);
      };
      const timer = setTimeout(() => {
        this.#syncedWaiters.delete(done);
        resolve(false);
      }, timeoutMs);
      this.#syncedWaiters.add(done);
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    for (const wake of [...this.#syncedWaiters]) wake(false);
    this.#subscriber.disconnect();
    this.#client.disconnect();
    await this.#syncing;
  }

  /** Re-reads every record. Calls made while one runs are served by one more run after it. */
  #sync(): Promise<void> {
    // Not connected (yet): the connection's own `ready` brings the next sync.
    if (this.#closed || this.#client.status !== "ready") return Promise.resolve();
    if (this.#syncing) {
      this.#syncAgain = true;
      return this.#syncing;
    }
    this.#syncing = (async () => {
      do {
        this.#syncAgain = false;
        const listening = this.#subscribed;
        try {
          const snapshot = await this.#scripts.readAll();
          await this.#apply(snapshot);
          this.#outage.recovered(snapshot.records.length);
          if (listening) {
            this.#syncedOnce = true;
            for (const wake of [...this.#syncedWaiters]) wake(true);
          }
        } catch (error) {
          this.#failed("sync", asError(error));
        }
      } while (this.#syncAgain && !this.#closed);
    })().finally(() => {
      this.#syncing = undefined;
    });
    return this.#syncing;
  }

  async #apply(snapshot: TierSnapshot): Promise<void> {
    this.#learnEpoch(snapshot.epoch);
    const stored = new Set<string>();
    const writeBacks: Promise<void>[] = [];
    for (const entry of snapshot.records) {
      stored.add(entry.id);
      const mirror = this.#copy.mirror(entry.id);
      // Nobody else wrote the tier since the change was made here (a write that timed out may still have
      // landed: it is ours, and the local change came after it).
      const ours = mirror?.unsaved && (mirror.version === entry.version || entry.origin === this.#origin);
      if (ours) writeBacks.push(this.#writeBack(entry.id, entry.version));
      else this.#acceptStored(entry.id, entry.version, entry.recordJson, entry.pttlMs);
    }
    for (const id of this.#copy.mirroredIds()) {
      if (stored.has(id)) continue;
      const mirror = this.#copy.mirror(id);
      if (mirror?.unsaved) writeBacks.push(this.#writeBack(id, 0));
      // A version above the snapshot's counter was written after it was taken: keep it.
      else if (mirror && mirror.version <= snapshot.version) this.#copy.deleteMirror(id);
    }
    await Promise.all(writeBacks);
  }

  /**
   * Writes a change made while Redis was away, if Redis still holds `storedVersion` (the caller found no
   * other writer since; the compare-and-set checks that nothing was written meanwhile). Otherwise Redis wins.
   */
  async #writeBack(recordId: string, storedVersion: number): Promise<void> {
    const mirror = this.#copy.mirror(recordId);
    if (!mirror?.unsaved) return;
    const ttlMs = mirror.expiresAt - this.#now();
    const result = await this.#scripts.compareAndSet({
      recordId,
      epoch: this.#epoch,
      expectedVersion: storedVersion,
      recordJson: JSON.stringify(mirror.record),
      ttlMs,
      origin: this.#origin,
    });
    this.#learnEpoch(result.epoch);
    if (result.written) this.#copy.accept(recordId, result.version, mirror.record, ttlMs);
    else this.#acceptStored(recordId, result.version, result.recordJson, result.pttlMs);
  }

  #receive(text: string): void {
    const message = parseChangeMessage(text);
    if (!message) {
      this.#failed("message", new Error(`unreadable change announcement: ${text.slice(0, 200)}`));
      return;
    }
    // Our own writes are in the copy already, possibly followed by newer ones.
    if (message.origin === this.#origin) return;
    this.#learnEpoch(message.epoch);
    this.#copy.accept(message.id, message.version, message.record, message.ttlMs);
  }

  #acceptStored(recordId: string, version: number, recordJson: string | undefined, pttlMs: number): void {
    if (recordJson === undefined || version === 0 || pttlMs === -2) {
      // Gone from Redis (expired or removed) since we read it.
      if (!this.#copy.mirror(recordId)?.unsaved) this.#copy.deleteMirror(recordId);
      return;
    }
    const record = parseRecord(recordId, recordJson);
    if (!record)
      this.#failed("message", new Error(`unreadable record for ${recordId}: ${recordJson.slice(0, 200)}`));
    // Unreadable: taken as no record at that version, so the next change replaces it.
    this.#copy.accept(recordId, version, record ?? emptyRecord(recordId), pttlMs);
  }

  /** Sends the budget counts added since the last flush and takes the fleet's totals; skipped while Redis is away. */
  async #flushUsage(): Promise<void> {
    if (this.#closed || this.#outage.down) return;
    try {
      await this.#usage.flush(this.#scripts.exchangeUsage);
    } catch (error) {
      this.#failed("usage", asError(error));
    }
  }

  /** A new epoch means Redis lost its data (a restart without persistence, a flush). */
  #learnEpoch(epoch: string): void {
    if (epoch === this.#epoch) return;
    if (this.#epoch !== "") this.#copy.offerAllBack();
    this.#epoch = epoch;
  }

  #failed(operation: StateStoreOperation, error: Error): void {
    if (this.#closed) return;
    this.#errorCount++;
    if (operation === "message") this.#outage.unreadable(error);
    else this.#outage.failed(operation, error);
    for (const listener of this.#listeners) listener({ operation, error });
  }
}

type Change = (current: SharedRecord | undefined) => SharedRecord;
type RecordUpdate = { readonly before: SharedRecord | undefined; readonly after: SharedRecord };

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
