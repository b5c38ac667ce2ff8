import type { TierStateStore } from "@ccr/router";
import type { StateStoreLogger } from "./outage-log.js";

export interface RedisTierStateStoreOptions {
  /** `redis://[user:password@]host:port[/db]`, or `rediss://` for TLS. */
  readonly url: string;
  /** Put before every key and the channel; replicas that share state use the same one. Default `ccr:`. */
  readonly keyPrefix?: string;
  readonly logger?: StateStoreLogger;
  /** Clock, epoch ms. */
  readonly now?: () => number;
  /** How long a Redis command may take before the local result is used. Default 300 ms. */
  readonly commandTimeoutMs?: number;
  /** How often the whole local copy is re-read, for announcements that were missed. Default 700 ms. */
  readonly syncIntervalMs?: number;
}

/** `usage`: exchanging the keys' budget counters. */
export type StateStoreOperation = "connect" | "update" | "sync" | "message" | "usage";

export interface StateStoreError {
  readonly operation: StateStoreOperation;
  readonly error: Error;
}

export interface RedisTierStateStore extends TierStateStore {
  /** Redis failures so far: connection attempts, writes, re-syncs, budget counter exchanges, unreadable records. */
  readonly errorCount: number;
  /** Called on each failure counted in {@link errorCount}; returns the unsubscribe function. */
  onError(listener: (event: StateStoreError) => void): () => void;
  /**
   * Resolves true once the store listens to announcements and has filled its local copy from Redis, false
   * if that takes over `timeoutMs`.
   */
  synced(timeoutMs: number): Promise<boolean>;
  /** Disconnects; reads and updates go on with the local copy alone. */
  close(): Promise<void>;
}
