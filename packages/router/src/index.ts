export { AbortNotice, type AbortSignalLike } from "./abort-signal-like.js";
export type { ServeResult } from "./cascade/cascade.js";
export { createRouter } from "./create-router.js";
export { CcrRouterError, UnknownPresetError } from "./errors.js";
export type {
  AttemptEndEvent,
  CircuitEvent,
  CircuitState,
  CooldownEvent,
  FailureReason,
  FallbackEvent,
  FirstTokenEvent,
  RequestEndEvent,
  RequestOutcome,
  RequestStartEvent,
  RetryEvent,
  RouterObserver,
  TierLabels,
} from "./observer/router-observer.js";
export type { ResponseSink } from "./output/response-sink.js";
export { estimateInputTokens } from "./routing/estimate-input-tokens.js";
export type { RouteDecision, RouteOptions, RouteScenario } from "./routing/route-request.js";
export type { KeyBudgetUse, KeyHealth, KeyHealthRecord, KeyState } from "./state/key-health.js";
export {
  type KeyUsageBuckets,
  LocalKeyUsage,
  NO_USAGE,
  USAGE_BUCKET_MS,
  type UsageCounts,
  usageBucketOf,
} from "./state/key-usage.js";
export { MemoryTierStateStore } from "./state/memory-tier-state-store.js";
export type { TierHealth, TierHealthRecord, TierLastError } from "./state/tier-health.js";
export type { KeyStateUpdate, TierStateStore, TierStateUpdate } from "./state/tier-state-store.js";
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
  ServeOptions,
} from "./types.js";
export { fetchTransport } from "./upstream/fetch-transport.js";
export type {
  BodyFlow,
  BodyReceiver,
  UpstreamReply,
  UpstreamRequest,
  UpstreamTransport,
} from "./upstream/upstream-transport.js";
