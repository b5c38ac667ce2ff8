export { type ChunkedBodyResponse, type ChunkReader, readerToStream } from "./chunk-reader.js";
export { createRouter } from "./create-router.js";
export { CcrRouterError, UnknownPresetError } from "./errors.js";
export { estimateInputTokens } from "./estimate-input-tokens.js";
export { MemoryTierStateStore } from "./memory-tier-state-store.js";
export type { RouteDecision, RouteOptions, RouteScenario } from "./route-request.js";
export type { TierHealth, TierHealthRecord, TierLastError } from "./tier-health.js";
export type { TierStateStore, TierStateUpdate } from "./tier-state-store.js";
export type {
  CustomRouter,
  CustomRouterConfig,
  CustomRouterContext,
  CustomRouterLog,
  CustomRouterRequest,
  HandleOptions,
  Router,
  RouterLogger,
  RouterOptions,
  RouterResponse,
} from "./types.js";
