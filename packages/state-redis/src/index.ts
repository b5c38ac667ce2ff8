export {
  createRedisTierStateStore,
  type RedisTierStateStore,
  type RedisTierStateStoreOptions,
  type StateStoreError,
  type StateStoreOperation,
} from "./create-redis-tier-state-store.js";
export type { StateStoreLogger } from "./outage-log.js";
