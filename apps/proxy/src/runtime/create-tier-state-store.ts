import type { RedisTierStateStore } from "@ccr/state-redis";
import type { Logger } from "pino";
import type { Env } from "./ccr-home.js";

export interface TierStateStoreHandle {
  /** The shared store, or undefined for the router's default in-memory one. */
  readonly store: RedisTierStateStore | undefined;
  close(): Promise<void>;
}

/** How long startup waits to begin with the fleet's tier state before going on alone (it catches up later). */
const FIRST_SYNC_MS = 1_000;

/**
 * Tier health shared through Redis when `REDIS_URL` is set, so replicas behind a load balancer agree on
 * cooldowns and circuits; otherwise each process keeps its own in memory.
 */
export async function createTierStateStore(options: {
  env: Env;
  logger: Logger;
}): Promise<TierStateStoreHandle> {
  const url = options.env.REDIS_URL?.trim();
  if (!url) return { store: undefined, close: async () => {} };
  // Loaded only when asked for: a single instance does not load the Redis client.
  const { createRedisTierStateStore } = await import("@ccr/state-redis");
  let store: RedisTierStateStore;
  try {
    store = createRedisTierStateStore({ url, logger: options.logger });
  } catch (error) {
    throw new Error(`REDIS_URL: ${(error as Error).message}`, { cause: error });
  }
  if (await store.synced(FIRST_SYNC_MS)) {
    options.logger.info({}, "tier state (cooldowns, circuits) is shared through Redis (REDIS_URL)");
  } else {
    options.logger.warn(
      {},
      `Redis (REDIS_URL) did not answer within ${FIRST_SYNC_MS / 1000} s: starting on this replica's own tier state; it is shared as soon as Redis answers`,
    );
  }
  return { store, close: () => store.close() };
}
