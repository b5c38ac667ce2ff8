/**
 * What the router reports while it serves requests. `@ccr/metrics` implements it; the router depends
 * only on this interface, so an embedder can plug in its own sink (or none).
 * Every method must be cheap and must never throw: it runs on the request path.
 */

/** Why one attempt at a tier failed. */
export type FailureReason =
  | "rate_limited"
  | "overloaded"
  | "server_error"
  | "timeout_first_event"
  | "timeout_idle"
  | "connection"
  | "rejected"
  | "auth"
  | "midstream";

/** How a whole client request ended. */
export type RequestOutcome = "ok" | "client_error" | "upstream_error" | "rate_limited" | "aborted";

export type CircuitState = "closed" | "open" | "half_open";

export interface TierLabels {
  /** `"provider,model"`. */
  readonly tier: string;
  readonly provider: string;
  readonly model: string;
}

export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheCreationTokens: number;
}

export interface RequestStartEvent {
  readonly requestId: string;
  readonly scenario: string;
  readonly stream: boolean;
  /** The proxy's own estimate of input tokens, compared with what the provider reports (token drift). */
  readonly estimatedInputTokens: number;
  /** The chain of tiers this request may use, in order. */
  readonly chain: readonly TierLabels[];
}

export interface AttemptEndEvent extends TierLabels {
  readonly requestId: string;
  readonly scenario: string;
  /** 0 for the first attempt at this tier. */
  readonly attempt: number;
  /** The id of the key the attempt used (`zai#2`) when the provider has a key pool; never the key. */
  readonly key?: string;
  readonly ok: boolean;
  readonly reason?: FailureReason;
  readonly status?: number;
  readonly durationMs: number;
  readonly message?: string;
}

export interface RetryEvent extends TierLabels {
  readonly requestId: string;
  readonly scenario: string;
  readonly reason: FailureReason;
  readonly delayMs: number;
}

export interface FallbackEvent {
  readonly requestId: string;
  readonly scenario: string;
  readonly from: TierLabels;
  readonly to: TierLabels;
  /**
   * Why the cascade moved on; `unsuitable` when the tier was not tried because its model cannot take the
   * request (context window too small, no image input).
   */
  readonly reason: FailureReason | "cooling" | "circuit_open" | "unsuitable";
}

export interface CircuitEvent extends TierLabels {
  readonly state: CircuitState;
  /** Epoch ms until which the tier is skipped, for open circuits and cooldowns. */
  readonly until?: number;
}

/** A tier cools down, or with `key`, one key of its provider's pool does while the tier goes on. */
export interface CooldownEvent extends TierLabels {
  readonly until: number;
  readonly reason: FailureReason;
  /** The id of the key that cools down (`zai#2`); undefined when the tier itself does. */
  readonly key?: string;
}

export interface FirstTokenEvent extends TierLabels {
  readonly requestId: string;
  readonly scenario: string;
  /** From the start of the client request to the first upstream event. */
  readonly ttftMs: number;
}

export interface RequestEndEvent {
  readonly requestId: string;
  readonly scenario: string;
  readonly stream: boolean;
  /** The tier that answered (or the last one tried); undefined when no tier was tried. */
  readonly tier?: TierLabels;
  readonly outcome: RequestOutcome;
  readonly reason?: FailureReason;
  readonly status: number;
  readonly durationMs: number;
  readonly attempts: number;
  readonly usage?: TokenUsage;
  readonly estimatedInputTokens: number;
  /** Output tokens over the time from first token to the end, when known. */
  readonly outputTokensPerSecond?: number;
}

export interface MetricsSink {
  requestStart(event: RequestStartEvent): void;
  attemptEnd(event: AttemptEndEvent): void;
  retry(event: RetryEvent): void;
  fallback(event: FallbackEvent): void;
  circuit(event: CircuitEvent): void;
  cooldown(event: CooldownEvent): void;
  firstToken(event: FirstTokenEvent): void;
  /** A streamed response started flowing to the client; paired with `requestEnd`. */
  streamStart(event: { readonly requestId: string } & TierLabels): void;
  requestEnd(event: RequestEndEvent): void;
}
