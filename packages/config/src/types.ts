/**
 * The normalized configuration: what the router and the proxy consume.
 * The raw file shape (claude-code-router / Rust CCR `config.json`) never leaks past this package.
 * Every object produced by `loadConfig` / `normalizeConfig` is deeply frozen.
 */

import type {
  ModelCapabilities,
  ModelInfo,
  ProviderAuth,
  TransformerSpec,
  WireProtocol,
} from "@ccr/provider";

/** Routing scenarios, as users know them from claude-code-router. */
export type Scenario = "default" | "background" | "think" | "longContext" | "webSearch" | "image";

export const SCENARIOS: readonly Scenario[] = [
  "default",
  "background",
  "think",
  "longContext",
  "webSearch",
  "image",
] as const;

export interface ProviderConfig {
  /** Provider name as written in the config; the `provider` half of `"provider,model"`. */
  readonly name: string;
  /** Base URL as written (e.g. `https://api.deepseek.com`, or a full `.../chat/completions` URL). */
  readonly baseUrl: string;
  /** The full endpoint to POST to (`.../v1/chat/completions` or `.../v1/messages`). */
  readonly endpointUrl: string;
  readonly protocol: WireProtocol;
  /** Undefined for local servers that need no key; the first key of a {@link keyPool}. Never print it. */
  readonly apiKey?: string;
  /**
   * The provider's keys when the entry lists them (`api_key` as a list, or `api_keys`), in the order
   * written: the router spreads requests over them. Undefined for a single `api_key` string.
   */
  readonly keyPool?: readonly ProviderKey[];
  readonly models: readonly string[];
  /** Transformers applied to every model of this provider, in order. */
  readonly transformers: readonly TransformerSpec[];
  /** Extra transformers per model, applied after the provider-wide ones. */
  readonly modelTransformers: Readonly<Record<string, readonly TransformerSpec[]>>;
  /** Keys of the provider entry this package does not know, kept for extensions (e.g. a provider package id). */
  readonly extra: Readonly<Record<string, unknown>>;
  /** `"provider"` as written, when the entry names a provider package. */
  readonly providerRef?: string;
  /** How the key is sent, from the provider package. Undefined: the protocol's usual way. */
  readonly auth?: ProviderAuth;
  /** Static headers the provider package asks for on every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** What the provider package knows of each listed model; a model without an entry gets no checks. */
  readonly modelInfo?: Readonly<Record<string, ModelMetadata>>;
}

/** One key of a provider's key pool. */
export interface ProviderKey {
  /**
   * Stable and never secret: the provider's name, `#`, and the key's position in the list counted from 1
   * (`zai#2`). What logs, metrics, `/api/stats` and the dashboard show instead of the key.
   */
  readonly id: string;
  /** The key itself. Never print it. */
  readonly key: string;
  /** Requests a minute this key may send; it is skipped while another would go over. */
  readonly rpm?: number;
  /** Tokens (input + output) a minute this key may use; it is skipped while a request would go over. */
  readonly tpm?: number;
}

/**
 * What the router and metrics know about one model of a provider entry: its provider package's `ModelInfo`
 * (limits, capabilities, prices), flattened. A field the package does not give is undefined.
 */
export type ModelMetadata = Partial<
  Pick<ModelInfo, "contextWindow" | "maxOutputTokens" | "pricing"> & ModelCapabilities
>;

/** One `provider,model` pair: a tier of the cascade. */
export interface TierRef {
  readonly provider: string;
  readonly model: string;
  /** `"provider,model"`. */
  readonly id: string;
}

export interface RetryPolicy {
  /** Retries within the tier after the first attempt. Default 3. */
  readonly maxRetries: number;
  /** Default 100. */
  readonly baseBackoffMs: number;
  /** Default 2.0. */
  readonly backoffMultiplier: number;
  /** Default 10000. */
  readonly maxBackoffMs: number;
  /**
   * No first content event (beyond `message_start` and pings) within this many ms → retryable failure.
   * Undefined: no limit beyond API_TIMEOUT_MS.
   */
  readonly streamFirstEventTimeoutMs?: number;
  /** No SSE event for this many ms after the first → the stream is ended with an error frame. */
  readonly streamIdleTimeoutMs?: number;
}

/** One `tierRetries` entry: only the fields it sets; the rest come from less specific entries or the defaults. */
export type RetryPolicyOverride = Partial<RetryPolicy>;

/** A tier in a resolved chain, with the retry policy that applies to it at that position. */
export interface ChainTier extends TierRef {
  readonly index: number;
  readonly retry: RetryPolicy;
}

export interface RouterConfig {
  readonly default: TierRef;
  readonly background?: TierRef;
  readonly think?: TierRef;
  readonly longContext?: TierRef;
  readonly longContextThreshold: number;
  readonly webSearch?: TierRef;
  readonly image?: TierRef;
  /** `Router.tiers` as written, resolved. */
  readonly tiers?: readonly TierRef[];
  /** `Router.tierRetries` as written (keys `*`, `tier-N`, provider, `provider,model`); read it through `retryPolicyFor`. */
  readonly tierRetries?: Readonly<Record<string, RetryPolicyOverride>>;
}

export interface PresetConfig {
  readonly name: string;
  /** Where the preset routes; undefined keeps normal routing. */
  readonly route?: TierRef;
  /** Request parameter overrides (max_tokens, temperature, ...), applied to the Anthropic request. */
  readonly overrides: Readonly<Record<string, unknown>>;
}

export interface CustomTransformerConfig {
  /** Absolute path of the user's module. */
  readonly path: string;
  readonly options?: Readonly<Record<string, unknown>>;
}

/** `"state": {"redis": "redis://..."}`. The proxy's `REDIS_URL` environment variable wins over it. */
export interface StateConfig {
  /** `redis://` or `rediss://` URL of the Redis replicas share tier and key health through. Never print it whole. */
  readonly redisUrl?: string;
}

export interface CcrConfig {
  readonly host: string;
  readonly port: number;
  /** When set, clients must send it. Never print it. */
  readonly apiKey?: string;
  readonly log: boolean;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace";
  /** Bounds one whole upstream request. */
  readonly apiTimeoutMs: number;
  readonly proxyUrl?: string;
  readonly nonInteractiveMode: boolean;
  /** Absolute path of the custom router module. */
  readonly customRouterPath?: string;
  readonly customTransformers: readonly CustomTransformerConfig[];
  readonly providers: Readonly<Record<string, ProviderConfig>>;
  readonly router: RouterConfig;
  readonly presets: Readonly<Record<string, PresetConfig>>;
  /** The resolved tier chain of each scenario (scenario's model first, then its fallbacks, duplicates removed). */
  readonly chains: Readonly<Record<Scenario, readonly ChainTier[]>>;
  /** `state`: where tier and key health is shared between replicas; undefined keeps it in memory. */
  readonly state?: StateConfig;
  /** Top-level keys this package does not know, kept as written (they were warned about). */
  readonly extra: Readonly<Record<string, unknown>>;
  /** Absolute path the config was loaded from, when it came from a file. */
  readonly sourcePath?: string;
}
