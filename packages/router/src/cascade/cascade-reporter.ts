import type { ChainTier, ProviderConfig } from "@ccr/config";
import type { ClientProtocol, TokenUsage } from "@ccr/transform";
import type {
  FailureReason,
  FallbackEvent,
  RequestOutcome,
  RouterObserver,
  TierLabels,
} from "../observer/router-observer.js";
import type { KeyHealthRecord } from "../state/key-health.js";
import type { TierHealthRecord } from "../state/tier-health.js";
import type { RouterLogger } from "../types.js";
import type { AttemptFailure } from "./classify-outcome.js";

export function tierLabels(tier: ChainTier): TierLabels {
  return { tier: tier.id, provider: tier.provider, model: tier.model };
}

/**
 * What one request's cascade tells the observer and the log: every event carries the request's id and
 * scenario, so the cascade itself only says what happened.
 */
export class CascadeReporter {
  readonly #observer: RouterObserver | undefined;
  readonly #logger: RouterLogger | undefined;
  readonly #requestId: string;
  readonly #scenario: string;
  readonly #protocol: ClientProtocol;
  readonly #stream: boolean;
  readonly #estimatedInputTokens: number;
  readonly #startedAt: number;
  readonly #now: () => number;

  constructor(options: {
    observer: RouterObserver | undefined;
    logger: RouterLogger | undefined;
    requestId: string;
    scenario: string;
    protocol: ClientProtocol;
    stream: boolean;
    estimatedInputTokens: number;
    startedAt: number;
    now: () => number;
  }) {
    this.#observer = options.observer;
    this.#logger = options.logger;
    this.#requestId = options.requestId;
    this.#scenario = options.scenario;
    this.#protocol = options.protocol;
    this.#stream = options.stream;
    this.#estimatedInputTokens = options.estimatedInputTokens;
    this.#startedAt = options.startedAt;
    this.#now = options.now;
  }

  attemptEnd(
    tier: ChainTier,
    attempt: number,
    attemptStart: number,
    outcome: { ok: boolean; reason?: FailureReason; status?: number; message?: string; key?: string },
  ): void {
    this.#observer?.attemptEnd({
      requestId: this.#requestId,
      scenario: this.#scenario,
      ...tierLabels(tier),
      attempt,
      durationMs: this.#now() - attemptStart,
      ...outcome,
    });
  }

  requestEnd(end: {
    tier?: ChainTier;
    outcome: RequestOutcome;
    reason?: FailureReason;
    status: number;
    attempts: number;
    usage?: TokenUsage;
    outputTokensPerSecond?: number;
  }): void {
    this.#observer?.requestEnd({
      requestId: this.#requestId,
      scenario: this.#scenario,
      protocol: this.#protocol,
      stream: this.#stream,
      tier: end.tier ? tierLabels(end.tier) : undefined,
      outcome: end.outcome,
      reason: end.reason,
      status: end.status,
      durationMs: this.#now() - this.#startedAt,
      attempts: end.attempts,
      usage: end.usage,
      estimatedInputTokens: this.#estimatedInputTokens,
      outputTokensPerSecond: end.outputTokensPerSecond,
    });
  }

  fallback(from: ChainTier, to: ChainTier, reason: FallbackEvent["reason"]): void {
    this.#observer?.fallback({
      requestId: this.#requestId,
      scenario: this.#scenario,
      from: tierLabels(from),
      to: tierLabels(to),
      reason,
    });
    this.#logger?.info(
      { requestId: this.#requestId, from: from.id, to: to.id, reason },
      `falling back from ${from.id} to ${to.id} (${reason})`,
    );
  }

  retry(tier: ChainTier, reason: FailureReason, delayMs: number): void {
    this.#observer?.retry({
      requestId: this.#requestId,
      scenario: this.#scenario,
      ...tierLabels(tier),
      reason,
      delayMs,
    });
  }

  firstToken(tier: ChainTier, at: number): void {
    this.#observer?.firstToken({
      requestId: this.#requestId,
      scenario: this.#scenario,
      ...tierLabels(tier),
      ttftMs: at - this.#startedAt,
    });
  }

  streamStart(tier: ChainTier): void {
    this.#observer?.streamStart({ requestId: this.#requestId, ...tierLabels(tier) });
  }

  /** A tier's record changed: circuit transitions and new cooldowns. */
  healthChange(
    tier: ChainTier,
    before: TierHealthRecord | undefined,
    after: TierHealthRecord,
    reason?: FailureReason,
  ): void {
    const from = before?.circuit ?? "closed";
    const to = after.circuit;
    if (from !== to || (to === "open" && after.openUntil !== before?.openUntil)) {
      this.#observer?.circuit({
        ...tierLabels(tier),
        state: to,
        until: to === "open" ? after.openUntil : undefined,
      });
    }
    if (reason !== undefined && after.cooldownUntil > (before?.cooldownUntil ?? 0))
      this.#observer?.cooldown({ ...tierLabels(tier), until: after.cooldownUntil, reason });
  }

  /**
   * One key of a pool was set aside: a rate limit quietly (the pool is meant for that), a refusal loudly,
   * by the key's id, since someone must replace or remove that key.
   */
  keyCooled(
    tier: ChainTier,
    provider: ProviderConfig,
    key: string,
    kind: "rate_limited" | "auth",
    update: { readonly before: KeyHealthRecord | undefined; readonly after: KeyHealthRecord },
    failure: AttemptFailure,
  ): void {
    const until = update.after.cooldownUntil;
    if (until > (update.before?.cooldownUntil ?? 0))
      this.#observer?.cooldown({ ...tierLabels(tier), key, until, reason: kind });
    const seconds = Math.max(1, Math.round((until - this.#now()) / 1000));
    const fields = {
      requestId: this.#requestId,
      provider: provider.name,
      tier: tier.id,
      key,
      status: failure.status,
    };
    if (kind === "auth") {
      this.#logger?.warn(
        fields,
        `provider "${provider.name}" refused key ${key} (${failure.status}: ${failure.message}); ` +
          `it is out of service for ${Math.round(seconds / 60)} min or until the config is reloaded: ` +
          `replace or remove that key; the other keys go on`,
      );
    } else {
      this.#logger?.info(
        fields,
        `key ${key} of ${tier.id} is rate-limited for ${seconds} s; the other keys go on`,
      );
    }
  }

  probing(tier: ChainTier): void {
    this.#observer?.circuit({ ...tierLabels(tier), state: "half_open" });
  }

  failure(tier: ChainTier, provider: ProviderConfig, failure: AttemptFailure, authCooldownMs: number): void {
    if (failure.disposition === "disable") {
      this.#logger?.warn(
        { requestId: this.#requestId, provider: provider.name, tier: tier.id, status: failure.status },
        `provider "${provider.name}" refused ${tier.id} (${failure.status}: ${failure.message}); ` +
          `skipping it for ${authCooldownMs / 60_000} min: check its api_key, credit and model name`,
      );
    } else {
      this.#logger?.warn(
        { requestId: this.#requestId, tier: tier.id, reason: failure.reason, status: failure.status },
        `${tier.id} failed: ${failure.message}`,
      );
    }
  }

  error(message: string, tier?: ChainTier): void {
    this.#logger?.error({ requestId: this.#requestId, tier: tier?.id }, message);
  }

  allFailed(status: number, attempts: number, message: string): void {
    this.#logger?.warn(
      { requestId: this.#requestId, status, attempts },
      `no tier could serve the request: ${message}`,
    );
  }
}
