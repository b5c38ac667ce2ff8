import type { CcrConfig, ChainTier, ProviderConfig } from "@ccr/config";
import type { FailureReason, MetricsSink, RequestOutcome, TierLabels, TokenUsage } from "@ccr/metrics";
import { type TierTranslator, toAnthropicErrorBody } from "@ccr/transform";
import { allTiersFailed } from "./all-tiers-failed.js";
import { type AttemptResult, attemptTier } from "./attempt-tier.js";
import { backoffDelay } from "./backoff.js";
import {
  admit,
  claimProbe,
  type FailureFacts,
  recordFailure,
  recordSuccess,
  releaseProbe,
} from "./circuit-breaker.js";
import { clampMaxTokens } from "./clamp-max-tokens.js";
import type { AttemptFailure } from "./classify-outcome.js";
import { describeError } from "./describe-error.js";
import { messageUsage } from "./message-usage.js";
import { MAX_RETRY_AFTER_MS } from "./parse-retry-after.js";
import { type RelayEnd, StreamRelay } from "./relay-stream.js";
import type { RouteDecision } from "./route-request.js";
import { StreamObserver } from "./stream-observer.js";
import { streamResponse } from "./stream-response.js";
import type { TierFailure } from "./tier-failure.js";
import type { TierHealthRecord } from "./tier-health.js";
import type { TierStateStore } from "./tier-state-store.js";
import type { RouterLogger, RouterResponse } from "./types.js";
import { unsuitableTiers } from "./unsuitable-tiers.js";

/** A 429 without a usable Retry-After cools its tier this long. */
export const RATE_LIMIT_DEFAULT_COOLDOWN_MS = 5_000;
/** 401/402/403/404: the tier is misconfigured or out of credit; skipped this long. */
export const AUTH_COOLDOWN_MS = 5 * 60_000;
/** The longest the last available tier sleeps on a 429 before retrying; longer waits fail fast instead. */
export const MAX_RATE_LIMIT_WAIT_MS = 30_000;
/**
 * Requests that slept on the same 429 would all wake when the cooldown ends and hit the tier at once: each
 * adds a random extra wait of up to this long (or the wait itself, when shorter).
 */
export const RATE_LIMIT_JITTER_MS = 1_000;
/** Tier health records expire after this long without an update. */
export const STATE_TTL_MS = 15 * 60_000;

export interface CascadeDeps {
  readonly fetch: typeof fetch;
  readonly store: TierStateStore;
  readonly metrics?: MetricsSink;
  readonly logger?: RouterLogger;
  readonly now: () => number;
  readonly random: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly translatorFor: (config: CcrConfig, tier: ChainTier) => TierTranslator;
}

export interface CascadeInput {
  readonly config: CcrConfig;
  readonly decision: RouteDecision;
  readonly requestId: string;
  readonly startedAt: number;
  readonly signal?: AbortSignal;
  readonly clientHeaders?: Readonly<Record<string, string>>;
}

type TierResult =
  | { readonly kind: "answered"; readonly response: RouterResponse }
  | { readonly kind: "failed"; readonly failure: TierFailure }
  | { readonly kind: "aborted" };

/**
 * Serves one request over its tier chain: each tier in order, skipping cooling and open-circuit
 * tiers at no cost, retrying within a tier per its policy, cascading on failures as the table in
 * {@link classifyStatus} says, until a tier answers or none is left.
 */
export async function runCascade(deps: CascadeDeps, input: CascadeInput): Promise<RouterResponse> {
  return new Cascade(deps, input).run();
}

class Cascade {
  readonly #deps: CascadeDeps;
  readonly #input: CascadeInput;
  readonly #stream: boolean;
  readonly #chain: readonly ChainTier[];
  /** Tiers whose model cannot take the request, by chain index: skipped without an attempt. */
  readonly #unsuitable: ReadonlyMap<number, string>;
  #attempts = 0;

  constructor(deps: CascadeDeps, input: CascadeInput) {
    this.#deps = deps;
    this.#input = input;
    this.#stream = input.decision.request.stream === true;
    this.#chain = input.decision.chain;
    this.#unsuitable = unsuitableTiers(
      input.config,
      this.#chain,
      input.decision.request,
      input.decision.estimatedInputTokens,
    );
  }

  async run(): Promise<RouterResponse> {
    const failures: TierFailure[] = [];
    for (let index = 0; index < this.#chain.length; index++) {
      const tier = this.#chain[index]!;
      const result = await this.#serveTier(tier, index);
      if (result.kind === "answered") return result.response;
      if (result.kind === "aborted") return this.#aborted(tier);
      failures.push(result.failure);
      const next = this.#chain[index + 1];
      if (next) {
        this.#deps.metrics?.fallback({
          requestId: this.#input.requestId,
          scenario: this.#input.decision.scenario,
          from: labels(tier),
          to: labels(next),
          reason: result.failure.reason,
        });
        this.#deps.logger?.info(
          { requestId: this.#input.requestId, from: tier.id, to: next.id, reason: result.failure.reason },
          `falling back from ${tier.id} to ${next.id} (${result.failure.reason})`,
        );
      }
    }
    return this.#allFailed(failures);
  }

  async #serveTier(tier: ChainTier, index: number): Promise<TierResult> {
    const { store, now } = this.#deps;
    const provider = this.#input.config.providers[tier.provider];
    if (!provider) {
      return {
        kind: "failed",
        failure: { tier, reason: "rejected", message: `unknown provider "${tier.provider}"` },
      };
    }
    const unsuitable = this.#unsuitable.get(index);
    if (unsuitable !== undefined)
      return { kind: "failed", failure: { tier, reason: "unsuitable", message: unsuitable } };
    let translator: TierTranslator;
    try {
      translator = this.#deps.translatorFor(this.#input.config, tier);
    } catch (error) {
      const message = `the transformers of ${tier.id} are misconfigured: ${describeError(error)}`;
      this.#deps.logger?.error({ requestId: this.#input.requestId, tier: tier.id }, message);
      return { kind: "failed", failure: { tier, reason: "server_error", message } };
    }
    const record = await store.get(tier.id);
    const admission = admit(record, now());
    if (admission.kind === "skip") {
      return {
        kind: "failed",
        failure: {
          tier,
          reason: admission.reason,
          message: admission.reason === "cooling" ? "cooling down" : "circuit open",
          until: admission.until,
          cooldownReason: record?.cooldownReason,
        },
      };
    }
    const probing = admission.kind === "probe";
    if (probing) {
      const claimed = await store.update(tier.id, (current) => claimProbe(current, now()), STATE_TTL_MS);
      if (admit(claimed.before, now()).kind !== "probe") {
        return {
          kind: "failed",
          failure: { tier, reason: "circuit_open", message: "circuit half-open, probe in flight" },
        };
      }
      this.#deps.metrics?.circuit({ ...labels(tier), state: "half_open" });
    }

    const request = clampMaxTokens(this.#input.decision.request, provider.modelInfo?.[tier.model]);
    for (let retry = 0; ; retry++) {
      const attemptStart = now();
      this.#attempts++;
      const result = await attemptTier({
        tier,
        provider,
        translator,
        request,
        stream: this.#stream,
        apiTimeoutMs: this.#input.config.apiTimeoutMs,
        fetch: this.#deps.fetch,
        now,
        clientSignal: this.#input.signal,
        clientHeaders: this.#input.clientHeaders,
      });
      if (result.kind === "aborted") return this.#abandon(tier, probing);
      if (result.kind !== "failed")
        return { kind: "answered", response: await this.#answer(tier, retry, attemptStart, result) };

      const failure = result.failure;
      this.#attemptEnd(tier, retry, attemptStart, {
        ok: false,
        reason: failure.reason,
        status: failure.status,
        message: failure.message,
      });
      const after = await this.#recordFailure(tier, provider, failure);
      const tierFailure: TierFailure = {
        tier,
        reason: failure.reason,
        status: failure.status,
        message: failure.message,
        until: unavailableUntil(after, now()),
        cooldownReason: after.cooldownReason,
      };
      if (after.circuit === "open" || retry >= tier.retry.maxRetries)
        return { kind: "failed", failure: tierFailure };

      let delayMs: number;
      if (failure.disposition === "retry") {
        delayMs = backoffDelay(tier.retry, retry, this.#deps.random);
      } else if (failure.disposition === "rate_limited") {
        const waitMs = Math.max(0, after.cooldownUntil - now());
        if (waitMs > MAX_RATE_LIMIT_WAIT_MS || (await this.#laterTierAvailable(index))) {
          return { kind: "failed", failure: tierFailure };
        }
        delayMs = waitMs + Math.floor(this.#deps.random() * Math.min(waitMs, RATE_LIMIT_JITTER_MS));
      } else {
        return { kind: "failed", failure: tierFailure };
      }
      this.#deps.metrics?.retry({
        requestId: this.#input.requestId,
        scenario: this.#input.decision.scenario,
        ...labels(tier),
        reason: failure.reason,
        delayMs,
      });
      try {
        await this.#deps.sleep(delayMs, this.#input.signal);
      } catch {
        return this.#abandon(tier, probing);
      }
    }
  }

  /** The client left: a probe in flight gives its turn to the next request. */
  async #abandon(tier: ChainTier, probing: boolean): Promise<TierResult> {
    if (probing) await this.#update(tier, (current) => releaseProbe(current, this.#deps.now()));
    return { kind: "aborted" };
  }

  async #answer(
    tier: ChainTier,
    retry: number,
    attemptStart: number,
    result: Exclude<AttemptResult, { kind: "failed" } | { kind: "aborted" }>,
  ): Promise<RouterResponse> {
    const { now, metrics } = this.#deps;
    const answeredAt = now();
    await this.#update(tier, (current) => recordSuccess(current, answeredAt - attemptStart));
    const headers: Record<string, string> = {
      "x-ccr-tier": tier.id,
      "x-ccr-attempts": String(this.#attempts),
    };

    if (result.kind === "message") {
      this.#attemptEnd(tier, retry, attemptStart, { ok: true, status: 200 });
      this.#requestEnd({ tier, outcome: "ok", status: 200, usage: messageUsage(result.message) });
      headers["content-type"] = "application/json";
      return {
        status: 200,
        headers,
        body: result.message,
        stream: false,
        tier: tier.id,
        attempts: this.#attempts,
      };
    }

    metrics?.firstToken({
      requestId: this.#input.requestId,
      scenario: this.#input.decision.scenario,
      ...labels(tier),
      ttftMs: answeredAt - this.#input.startedAt,
    });
    const observer = new StreamObserver();
    const provider = this.#input.config.providers[tier.provider]!;
    const relay = new StreamRelay({
      reader: result.reader,
      first: result.first,
      idleTimeoutMs: tier.retry.streamIdleTimeoutMs,
      signal: result.signal,
      abort: result.abort,
      release: result.release,
      clientSignal: this.#input.signal,
      observer,
      onEnd: (end) => this.#streamEnded(tier, provider, retry, attemptStart, answeredAt, observer, end),
    });
    metrics?.streamStart({ requestId: this.#input.requestId, ...labels(tier) });
    headers["content-type"] = "text/event-stream";
    headers["cache-control"] = "no-cache";
    return streamResponse(headers, relay, tier.id, this.#attempts);
  }

  #streamEnded(
    tier: ChainTier,
    provider: ProviderConfig,
    retry: number,
    attemptStart: number,
    firstAt: number,
    observer: StreamObserver,
    end: RelayEnd,
  ): void {
    const usage = observer.usage();
    const elapsed = (this.#deps.now() - firstAt) / 1000;
    const outputTokensPerSecond =
      usage && usage.outputTokens > 0 && elapsed > 0 ? usage.outputTokens / elapsed : undefined;
    if (end.outcome === "failed") {
      const reason = end.reason ?? "midstream";
      this.#attemptEnd(tier, retry, attemptStart, { ok: false, reason, status: 200, message: end.message });
      this.#recordFailure(tier, provider, {
        reason,
        disposition: "next",
        message: end.message ?? "stream failed",
        countsAgainstHealth: true,
      }).catch(() => {});
      this.#requestEnd({
        tier,
        outcome: "upstream_error",
        reason,
        status: 200,
        usage,
        outputTokensPerSecond,
      });
      return;
    }
    this.#attemptEnd(tier, retry, attemptStart, { ok: end.outcome === "ok", status: 200 });
    this.#requestEnd({
      tier,
      outcome: end.outcome === "ok" ? "ok" : "aborted",
      status: 200,
      usage,
      outputTokensPerSecond,
    });
  }

  async #recordFailure(
    tier: ChainTier,
    provider: ProviderConfig,
    failure: AttemptFailure,
  ): Promise<TierHealthRecord> {
    const now = this.#deps.now();
    const facts: FailureFacts = {
      reason: failure.reason,
      status: failure.status,
      message: failure.message,
      countsAgainstHealth: failure.countsAgainstHealth,
      cooldownUntil:
        failure.disposition === "rate_limited"
          ? now + Math.min(failure.retryAfterMs ?? RATE_LIMIT_DEFAULT_COOLDOWN_MS, MAX_RETRY_AFTER_MS)
          : failure.disposition === "disable"
            ? now + AUTH_COOLDOWN_MS
            : undefined,
    };
    const { before, after } = await this.#update(tier, (current) => recordFailure(current, now, facts));
    if (after.cooldownUntil > (before?.cooldownUntil ?? 0)) {
      this.#deps.metrics?.cooldown({ ...labels(tier), until: after.cooldownUntil, reason: failure.reason });
    }
    if (failure.disposition === "disable") {
      this.#deps.logger?.warn(
        { requestId: this.#input.requestId, provider: provider.name, tier: tier.id, status: failure.status },
        `provider "${provider.name}" refused ${tier.id} (${failure.status}: ${failure.message}); ` +
          `skipping it for ${AUTH_COOLDOWN_MS / 60_000} min: check its api_key, credit and model name`,
      );
    } else {
      this.#deps.logger?.warn(
        { requestId: this.#input.requestId, tier: tier.id, reason: failure.reason, status: failure.status },
        `${tier.id} failed: ${failure.message}`,
      );
    }
    return after;
  }

  /** Updates a tier's record and reports circuit transitions. */
  async #update(
    tier: ChainTier,
    change: (current: TierHealthRecord | undefined) => TierHealthRecord,
  ): Promise<{ before: TierHealthRecord | undefined; after: TierHealthRecord }> {
    const update = await this.#deps.store.update(tier.id, change, STATE_TTL_MS);
    const from = update.before?.circuit ?? "closed";
    const to = update.after.circuit;
    if (from !== to || (to === "open" && update.after.openUntil !== update.before?.openUntil)) {
      this.#deps.metrics?.circuit({
        ...labels(tier),
        state: to,
        until: to === "open" ? update.after.openUntil : undefined,
      });
    }
    return update;
  }

  /** Whether a tier after `index` could take the request now (not cooling, circuit not open). */
  async #laterTierAvailable(index: number): Promise<boolean> {
    const later = this.#chain.slice(index + 1);
    if (later.length === 0) return false;
    const records = await this.#deps.store.getMany(later.map((tier) => tier.id));
    const now = this.#deps.now();
    return records.some((record) => admit(record, now).kind !== "skip");
  }

  #allFailed(failures: readonly TierFailure[]): RouterResponse {
    const answer = allTiersFailed(failures, this.#deps.now());
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-ccr-attempts": String(this.#attempts),
    };
    if (answer.retryAfterSeconds !== undefined) headers["retry-after"] = String(answer.retryAfterSeconds);
    if (answer.failure) headers["x-ccr-tier"] = answer.failure.tier.id;
    const last = failures[failures.length - 1]?.tier;
    this.#requestEnd({
      tier: answer.failure?.tier ?? last,
      outcome: answer.outcome,
      reason: answer.reason,
      status: answer.status,
    });
    this.#deps.logger?.warn(
      { requestId: this.#input.requestId, status: answer.status, attempts: this.#attempts },
      `no tier could serve the request: ${answer.body.error.message}`,
    );
    return {
      status: answer.status,
      headers,
      body: answer.body,
      stream: false,
      tier: answer.failure?.tier.id,
      attempts: this.#attempts,
    };
  }

  #aborted(tier: ChainTier): RouterResponse {
    const status = 499;
    this.#requestEnd({ tier, outcome: "aborted", status });
    return {
      status,
      headers: { "content-type": "application/json", "x-ccr-attempts": String(this.#attempts) },
      body: toAnthropicErrorBody(status, "the client closed the request"),
      stream: false,
      attempts: this.#attempts,
    };
  }

  #attemptEnd(
    tier: ChainTier,
    attempt: number,
    attemptStart: number,
    outcome: { ok: boolean; reason?: FailureReason; status?: number; message?: string },
  ): void {
    this.#deps.metrics?.attemptEnd({
      requestId: this.#input.requestId,
      scenario: this.#input.decision.scenario,
      ...labels(tier),
      attempt,
      durationMs: this.#deps.now() - attemptStart,
      ...outcome,
    });
  }

  #requestEnd(end: {
    tier?: ChainTier;
    outcome: RequestOutcome;
    reason?: FailureReason;
    status: number;
    usage?: TokenUsage;
    outputTokensPerSecond?: number;
  }): void {
    this.#deps.metrics?.requestEnd({
      requestId: this.#input.requestId,
      scenario: this.#input.decision.scenario,
      stream: this.#stream,
      tier: end.tier ? labels(end.tier) : undefined,
      outcome: end.outcome,
      reason: end.reason,
      status: end.status,
      durationMs: this.#deps.now() - this.#input.startedAt,
      attempts: this.#attempts,
      usage: end.usage,
      estimatedInputTokens: this.#input.decision.estimatedInputTokens,
      outputTokensPerSecond: end.outputTokensPerSecond,
    });
  }
}

/** When a tier that just failed can be tried again, if it is cooling or its circuit is open. */
function unavailableUntil(record: TierHealthRecord, now: number): number | undefined {
  const until = Math.max(record.cooldownUntil, record.circuit === "open" ? record.openUntil : 0);
  return until > now ? until : undefined;
}

function labels(tier: ChainTier): TierLabels {
  return { tier: tier.id, provider: tier.provider, model: tier.model };
}
