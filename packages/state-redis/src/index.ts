export { createRedisTierStateStore } from "./create-redis-tier-state-store.js";
export type { StateStoreLogger } from "./outage-log.js";
export type {
  RedisTierStateStore,
  RedisTierStateStoreOptions,
  StateStoreError,
  StateStoreOperation,
} from "./redis-tier-state-store.js";
