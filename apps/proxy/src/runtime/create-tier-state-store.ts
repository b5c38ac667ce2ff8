import type { CcrConfig } from "@ccr/config";
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
 * Tier and key health shared through Redis when `REDIS_URL` or the config's `state.redis` is set, so
 * replicas behind a load balancer agree on cooldowns, circuits, keys and budgets; otherwise each process
 * keeps its own in memory. `REDIS_URL` wins over the config, as the environment of a deployment does
 * (the same file on every replica, the Redis address from the platform); `REDIS_URL=""` counts as unset.
 */
export async function createTierStateStore(options: {
  env: Env;
  logger: Logger;
  config?: Pick<CcrConfig, "state">;
}): Promise<TierStateStoreHandle> {
  const fromEnv = options.env.REDIS_URL?.trim();
  const source = fromEnv ? "REDIS_URL" : "state.redis in the config";
  const url = fromEnv || options.config?.state?.redisUrl;
  if (!url) return { store: undefined, close: async () => {} };
  // Loaded only when asked for: a single instance does not load the Redis client.
  const { createRedisTierStateStore } = await import("@ccr/state-redis");
  let store: RedisTierStateStore;
  try {
    store = createRedisTierStateStore({ url, logger: options.logger });
  } catch (error) {
    throw new Error(`${fromEnv ? "REDIS_URL" : "state.redis"}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (await store.synced(FIRST_SYNC_MS)) {
    options.logger.info(
      { source },
      `tier and key state (cooldowns, circuits, key pools) is shared through Redis (${source})`,
    );
  } else {
    options.logger.warn(
      { source },
      `Redis (${source}) did not answer within ${FIRST_SYNC_MS / 1000} s: starting on this replica's own tier state; it is shared as soon as Redis answers`,
    );
  }
  return { store, close: () => store.close() };
}
