import type { CcrConfig } from "@ccr/config";
import type { AnthropicMessagesRequest, Ingress, TransformerRegistry } from "@ccr/transform";
import type { AbortSignalLike } from "./abort-signal-like.js";
import type { ServeResult } from "./cascade/cascade.js";
import type { RouterObserver } from "./observer/router-observer.js";
import type { ResponseSink } from "./output/response-sink.js";
import type { RouteDecision, RouteOptions } from "./routing/route-request.js";
import type { TierHealth } from "./state/tier-health.js";
import type { TierStateStore } from "./state/tier-state-store.js";
import type { UpstreamTransport } from "./upstream/upstream-transport.js";

/** pino-compatible: structured object first, message second. */
export interface RouterLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  /** pino's level check: when present, per-request debug lines are not even built while debug is off. */
  isLevelEnabled?(level: string): boolean;
}

export interface CustomRouterContext {
  /** The built-in scenario the request would get without the custom router. */
  readonly scenario: string;
  readonly estimatedInputTokens: number;
  readonly requestId: string;
  readonly preset?: string;
}

/** `req.log` of a custom router: pino's `log.info("text")` and `log.info({...}, "text")`. */
export interface CustomRouterLog {
  debug(objOrMessage?: unknown, message?: string): void;
  info(objOrMessage?: unknown, message?: string): void;
  warn(objOrMessage?: unknown, message?: string): void;
  error(objOrMessage?: unknown, message?: string): void;
}

/**
 * The request a custom router gets: the Anthropic fields, plus what claude-code-router's routers read —
 * `body` (the request; edits to it are what goes upstream), `tokenCount`, `sessionId`, `log`.
 */
export type CustomRouterRequest = AnthropicMessagesRequest & {
  body: AnthropicMessagesRequest;
  readonly tokenCount: number;
  readonly sessionId?: string;
  readonly log: CustomRouterLog;
};

/**
 * The config a custom router gets: the normalized config, plus `Router` (`"provider,model"` strings and
 * `longContextThreshold`) and `Providers` (`name`, `api_base_url`, `api_key`, `models`, `transformer`) in the
 * file's shape, as claude-code-router's routers read them.
 */
export type CustomRouterConfig = CcrConfig & {
  readonly Router: Readonly<Record<string, unknown>>;
  readonly Providers: readonly Readonly<Record<string, unknown>>[];
};

/**
 * A user's `CUSTOM_ROUTER_PATH` module: `"provider,model"` to route there, null to let the built-in
 * rules decide. Errors and unknown tiers are logged and fall back to the built-in router. Modules
 * written for claude-code-router (`async function router(req, config)` reading `req.body.messages`,
 * `config.Router`) work unchanged.
 */
export type CustomRouter = (
  request: CustomRouterRequest,
  config: CustomRouterConfig,
  context: CustomRouterContext,
) => Promise<string | null | undefined> | string | null | undefined;

export interface RouterOptions {
  /** The config, or a getter: a hot reload swaps what it returns; a request keeps the one it started with. */
  readonly config: CcrConfig | (() => CcrConfig);
  /**
   * How upstreams are reached. Default: `fetch` (below) through {@link fetchTransport}. The proxy passes its
   * own, on undici's dispatcher, which pushes each body chunk as it arrives.
   */
  readonly transport?: UpstreamTransport;
  /** A standard fetch, when no `transport` is given. Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Tier health. Default: a new in-memory store. */
  readonly store?: TierStateStore;
  /** Told of every request, attempt, retry, fallback and circuit change (the proxy passes @ccr/metrics). */
  readonly observer?: RouterObserver;
  readonly logger?: RouterLogger;
  readonly customRouter?: CustomRouter;
  /** Transformers available to tiers. Default: the built-in registry of @ccr/transform. */
  readonly registry?: TransformerRegistry;
  /** Clock, epoch ms. */
  readonly now?: () => number;
  /** In [0, 1): backoff jitter. */
  readonly random?: () => number;
  /** Waits between retries; must reject with the signal's reason when it aborts. */
  readonly sleep?: (ms: number, signal?: AbortSignalLike) => Promise<void>;
}

export interface HandleOptions extends RouteOptions {
  /** The client went away: aborts the upstream request at once and stops the cascade. */
  readonly signal?: AbortSignalLike;
  readonly requestId?: string;
  /** The client's request headers (lower-case names). Only `anthropic-beta` is ever forwarded. */
  readonly clientHeaders?: Readonly<Record<string, string>>;
  /**
   * The protocol the client speaks: answers, streams and errors are written in it. Default: Anthropic
   * Messages. The request handed to the router is always in canonical (Anthropic Messages) form.
   */
  readonly ingress?: Ingress;
}

export interface ServeOptions extends HandleOptions {
  /** Where the answer is written. */
  readonly sink: ResponseSink;
}

/** {@link Router.handle}'s answer: the status, headers and body a `Response` would have. */
export interface RouterResponse {
  readonly status: number;
  /** Includes `x-ccr-tier` (the tier that answered) and `x-ccr-attempts`; `retry-after` on a 429. */
  readonly headers: Record<string, string>;
  /** The client's SSE bytes when `stream` is true; otherwise the JSON answer or error body. */
  readonly body: ReadableStream<Uint8Array> | unknown;
  readonly stream: boolean;
  /** `"provider,model"` of the tier that answered. */
  readonly tier?: string;
  /** Attempts over every tier (skipped cooling or open tiers cost none). */
  readonly attempts: number;
}

export interface Router {
  /**
   * Serves one request, writing its answer to `options.sink` as it comes: a message, the client's stream
   * (held until its first content, then relayed chunk by chunk), or an error body. Resolves once the answer
   * has started; never throws for upstream failures.
   */
  serve(request: AnthropicMessagesRequest, options: ServeOptions): Promise<ServeResult>;
  /** {@link serve} with the answer as a `Response`-like object: for callers that want a web stream. */
  handle(request: AnthropicMessagesRequest, options?: HandleOptions): Promise<RouterResponse>;
  /** Routing alone, without the custom router (pure): scenario, chain and the request as it would be sent. */
  route(request: AnthropicMessagesRequest, options?: RouteOptions): RouteDecision;
  /** Health of every tier named in the current config's chains, in chain order. */
  tierStates(): Promise<TierHealth[]>;
  estimateInputTokens(request: AnthropicMessagesRequest): number;
}
