import type { CcrConfig, ChainTier, ProviderConfig, ProviderKey } from "@ccr/config";
import { providerKeyHeaders } from "@ccr/provider";
import type { Ingress, TierTranslator, TokenUsage } from "@ccr/transform";
import type { AbortSignalLike } from "../abort-signal-like.js";
import { describeError } from "../describe-error.js";
import { KeyPool, keyFailureKind } from "../keys/key-pool.js";
import type { KeySelector } from "../keys/key-selector.js";
import type { RouterObserver } from "../observer/router-observer.js";
import type { ResponseSink } from "../output/response-sink.js";
import { clampMaxTokens } from "../routing/clamp-max-tokens.js";
import type { RouteDecision } from "../routing/route-request.js";
import { unsuitableTiers } from "../routing/unsuitable-tiers.js";
import { admit, claimProbe, recordFailure, recordSuccess, releaseProbe } from "../state/circuit-breaker.js";
import { STATE_TTL_MS, type TierHealthRecord } from "../state/tier-health.js";
import type { TierStateStore } from "../state/tier-state-store.js";
import type { StreamEnd } from "../streams/live-stream.js";
import type { RouterLogger } from "../types.js";
import type { UpstreamTransport } from "../upstream/upstream-transport.js";
import { upstreamHeaders } from "../upstream-headers.js";
import { allTiersFailed } from "./all-tiers-failed.js";
import { type AttemptResult, attemptTier, type PreparedRequest, redact } from "./attempt-tier.js";
import { CascadeReporter } from "./cascade-reporter.js";
import type { AttemptFailure } from "./classify-outcome.js";
import { AUTH_COOLDOWN_MS, failureFacts, nextStep } from "./next-step.js";
import { keysUnavailable, poolExhausted } from "./pool-exhausted.js";
import type { TierFailure } from "./tier-failure.js";

export interface CascadeDeps {
  readonly transport: UpstreamTransport;
  readonly store: TierStateStore;
  readonly observer?: RouterObserver;
  readonly logger?: RouterLogger;
  readonly now: () => number;
  readonly random: () => number;
  readonly sleep: (ms: number, signal?: AbortSignalLike) => Promise<void>;
  readonly translatorFor: (config: CcrConfig, tier: ChainTier) => TierTranslator;
  /** Round-robin turns of the keys of key pools, kept for the router's life. */
  readonly keySelector: KeySelector;
}

export interface CascadeInput {
  readonly config: CcrConfig;
  readonly decision: RouteDecision;
  readonly requestId: string;
  readonly startedAt: number;
  readonly ingress: Ingress;
  readonly sink: ResponseSink;
  readonly signal?: AbortSignalLike;
  readonly clientHeaders?: Readonly<Record<string, string>>;
}

/** What the client was answered, once its answer has started. */
export interface ServeResult {
  readonly status: number;
  readonly stream: boolean;
  /** `"provider,model"` of the tier that answered. */
  readonly tier?: string;
  /** Attempts over every tier (skipped cooling or open tiers cost none). */
  readonly attempts: number;
}

/** The shortest stream whose output tokens per second are reported. */
const MIN_RATE_SECONDS = 0.1;

type TierResult =
  | { readonly kind: "answered"; readonly result: ServeResult }
  | { readonly kind: "failed"; readonly failure: TierFailure }
  | { readonly kind: "aborted" };

/**
 * Serves one request over its tier chain: each tier in order, skipping cooling and open-circuit tiers at no
 * cost, retrying within a tier per its policy, cascading on failures as {@link classifyStatus} says, until a
 * tier answers or none is left. The answer is written to the request's sink.
 */
export function runCascade(deps: CascadeDeps, input: CascadeInput): Promise<ServeResult> {
  return new Cascade(deps, input).run();
}

class Cascade {
  readonly #deps: CascadeDeps;
  readonly #input: CascadeInput;
  readonly #stream: boolean;
  readonly #chain: readonly ChainTier[];
  readonly #report: CascadeReporter;
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
    this.#report = new CascadeReporter({
      observer: deps.observer,
      logger: deps.logger,
      requestId: input.requestId,
      scenario: input.decision.scenario,
      protocol: input.ingress.protocol,
      stream: this.#stream,
      estimatedInputTokens: input.decision.estimatedInputTokens,
      startedAt: input.startedAt,
      now: deps.now,
    });
  }

  async run(): Promise<ServeResult> {
    const failures: TierFailure[] = [];
    const unsuitable = this.#unsuitable;
    for (let index = 0; index < this.#chain.length; index++) {
      const tier = this.#chain[index]!;
      const reason = unsuitable.get(index);
      const result: TierResult =
        reason === undefined
          ? await this.#serveTier(tier, index)
          : { kind: "failed", failure: { tier, reason: "unsuitable", message: reason } };
      if (result.kind === "answered") return result.result;
      if (result.kind === "aborted") return this.#aborted(tier);
      failures.push(result.failure);
      const next = this.#chain[index + 1];
      if (next) this.#report.fallback(tier, next, result.failure.reason);
    }
    return this.#allFailed(failures);
  }

  async #serveTier(tier: ChainTier, index: number): Promise<TierResult> {
    const { store, now } = this.#deps;
    const provider = this.#input.config.providers[tier.provider];
    if (!provider) return failedTier(tier, "rejected", `unknown provider "${tier.provider}"`);
    let translator: TierTranslator;
    try {
      translator = this.#deps.translatorFor(this.#input.config, tier);
    } catch (error) {
      const message = `the transformers of ${tier.id} are misconfigured: ${describeError(error)}`;
      this.#report.error(message, tier);
      return failedTier(tier, "server_error", message);
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
    // A pool none of whose keys can take the request is skipped like a cooling tier, at no cost.
    const keys = this.#keyPool(provider);
    const unavailable = keys ? await keys.unavailable() : undefined;
    if (unavailable) return { kind: "failed", failure: keysUnavailable(tier, unavailable) };
    const probing = admission.kind === "probe";
    if (probing) {
      const claimed = await store.update(tier.id, (current) => claimProbe(current, now()), STATE_TTL_MS);
      if (admit(claimed.before, now()).kind !== "probe")
        return failedTier(tier, "circuit_open", "circuit half-open, probe in flight");
      this.#report.probing(tier);
    }

    // Built once for the tier: every retry sends the same bytes (with a pool, only the key header changes).
    let prepared: PreparedRequest;
    try {
      prepared = await this.#prepare(tier, provider, translator, keys !== undefined);
    } catch (error) {
      // A request the translation cannot handle is the request's fault, never the tier's: nothing is
      // recorded against the tier, and the client hears why.
      if (probing) await this.#update(tier, (current) => releaseProbe(current, now()));
      const status = (error as { status?: unknown }).status;
      return {
        kind: "failed",
        failure: {
          tier,
          reason: "rejected",
          status: typeof status === "number" && status >= 400 && status < 500 ? status : 400,
          message: `the request cannot be sent to ${tier.id}: ${redact(describeError(error), provider)}`,
        },
      };
    }

    // `attempt` counts every attempt at the tier; `retry` only those its retry policy allows. Moving to
    // another key of the pool after a 429 or a refusal is neither a retry nor a fallback.
    let keySwitches = 0;
    for (let attempt = 0, retry = 0; ; attempt++) {
      let key: ProviderKey | undefined;
      if (keys) {
        const choice = await keys.choose();
        if (choice.kind === "exhausted") {
          // Other requests used up the last keys meanwhile.
          if (probing) await this.#update(tier, (current) => releaseProbe(current, now()));
          return { kind: "failed", failure: keysUnavailable(tier, choice.exhausted) };
        }
        key = choice.key;
        keys.reserve(key);
      }
      const attemptStart = now();
      this.#attempts++;
      const result = await attemptTier({
        tier,
        provider,
        translator,
        prepared,
        ...(key && { keyHeaders: providerKeyHeaders(provider, key.key) }),
        stream: this.#stream,
        apiTimeoutMs: this.#input.config.apiTimeoutMs,
        transport: this.#deps.transport,
        now,
        clientSignal: this.#input.signal,
      });
      if (result.kind === "aborted") {
        if (key) keys?.settle(key, { failed: true });
        return this.#abandon(tier, probing);
      }
      if (result.kind !== "failed") {
        const used = { attempt, start: attemptStart, key, keys };
        return { kind: "answered", result: await this.#answer(tier, provider, used, result) };
      }

      let failure = result.failure;
      if (key) keys?.settle(key, { failed: true });
      this.#report.attemptEnd(tier, attempt, attemptStart, {
        ok: false,
        reason: failure.reason,
        status: failure.status,
        message: failure.message,
        key: key?.id,
      });
      const kind = key ? keyFailureKind(failure) : undefined;
      if (keys && key && kind) {
        const update = await keys.failed(key, kind, failure);
        this.#report.keyCooled(tier, provider, key.id, kind, update, failure);
        const left = await keys.unavailable();
        // Another key can take it: the same tier, at once.
        if (!left && ++keySwitches < keys.size) continue;
        // The tier cools down only now that no key is left, until the first one is back.
        if (left) failure = poolExhausted(failure, left, now());
      }
      const after = await this.#recordFailure(tier, provider, failure);
      const tierFailure: TierFailure = {
        tier,
        reason: failure.reason,
        status: failure.status,
        message: failure.message,
        until: unavailableUntil(after, now()),
        cooldownReason: after.cooldownReason,
        unreachable: failure.unreachable,
      };
      const step = nextStep(failure, after, retry, tier.retry, now(), this.#deps.random);
      if (step.kind === "next" || (step.kind === "wait" && (await this.#laterTierAvailable(index))))
        return { kind: "failed", failure: tierFailure };
      this.#report.retry(tier, failure.reason, step.delayMs);
      try {
        await this.#deps.sleep(step.delayMs, this.#input.signal);
      } catch {
        return this.#abandon(tier, probing);
      }
      retry++;
    }
  }

  /** The pool of a provider with several keys; undefined for a single key (or none). */
  #keyPool(provider: ProviderConfig): KeyPool | undefined {
    if (!provider.keyPool) return undefined;
    const { store, keySelector: selector, now } = this.#deps;
    return new KeyPool(
      { store, selector, now },
      provider,
      provider.keyPool,
      this.#input.decision.estimatedInputTokens,
    );
  }

  async #prepare(
    tier: ChainTier,
    provider: ProviderConfig,
    translator: TierTranslator,
    keyPerAttempt: boolean,
  ): Promise<PreparedRequest> {
    const request = clampMaxTokens(this.#input.decision.request, provider.modelInfo?.[tier.model]);
    const translated = await translator.request(request, this.#input.ingress);
    return {
      url: provider.endpointUrl,
      headers: upstreamHeaders(provider, translated.headers, this.#input.clientHeaders, !keyPerAttempt),
      body: JSON.stringify(translated.body),
      context: translated.context,
    };
  }

  /** The client left: a probe in flight gives its turn to the next request. */
  async #abandon(tier: ChainTier, probing: boolean): Promise<TierResult> {
    if (probing) await this.#update(tier, (current) => releaseProbe(current, this.#deps.now()));
    return { kind: "aborted" };
  }

  async #answer(
    tier: ChainTier,
    provider: ProviderConfig,
    used: AnsweringAttempt,
    result: Extract<AttemptResult, { kind: "message" | "stream" }>,
  ): Promise<ServeResult> {
    const { now } = this.#deps;
    const attemptStart = used.start;
    const { sink } = this.#input;
    const answeredAt = now();
    const headers: Record<string, string> = {
      "x-ccr-tier": tier.id,
      "x-ccr-attempts": String(this.#attempts),
    };
    const answer: ServeResult = {
      status: 200,
      stream: result.kind === "stream",
      tier: tier.id,
      attempts: this.#attempts,
    };

    if (result.kind === "message") {
      headers["content-type"] = "application/json";
      sink.json(200, headers, result.body);
      await this.#update(tier, (current) => recordSuccess(current, answeredAt - attemptStart));
      if (used.key) used.keys?.settle(used.key, { usage: result.usage });
      this.#report.attemptEnd(tier, used.attempt, attemptStart, { ok: true, status: 200, key: used.key?.id });
      this.#report.requestEnd({
        tier,
        outcome: "ok",
        status: 200,
        attempts: this.#attempts,
        usage: result.usage,
      });
      return answer;
    }

    headers["content-type"] = "text/event-stream";
    headers["cache-control"] = "no-cache";
    this.#report.firstToken(tier, answeredAt);
    this.#report.streamStart(tier);
    const { stream, release } = result;
    stream.attach(sink, 200, headers, (end) => {
      release(end);
      if (used.key) used.keys?.settle(used.key, { usage: stream.usage });
      this.#streamEnded(tier, provider, used, answeredAt, stream.usage, end);
    });
    await this.#update(tier, (current) => recordSuccess(current, answeredAt - attemptStart));
    return answer;
  }

  #streamEnded(
    tier: ChainTier,
    provider: ProviderConfig,
    used: AnsweringAttempt,
    firstAt: number,
    usage: TokenUsage | undefined,
    end: StreamEnd,
  ): void {
    const elapsed = (this.#deps.now() - firstAt) / 1000;
    // A stream that arrived all at once has no measurable generation time: its rate would read in the
    // tens of thousands.
    const outputTokensPerSecond =
      usage && usage.outputTokens > 0 && elapsed >= MIN_RATE_SECONDS
        ? usage.outputTokens / elapsed
        : undefined;
    const attempts = this.#attempts;
    if (end.outcome === "failed") {
      const reason = end.reason ?? "midstream";
      this.#report.attemptEnd(tier, used.attempt, used.start, {
        ok: false,
        reason,
        status: 200,
        message: end.message,
        key: used.key?.id,
      });
      this.#recordFailure(tier, provider, {
        reason,
        disposition: "next",
        message: end.message ?? "stream failed",
        countsAgainstHealth: true,
      }).catch(() => {});
      this.#report.requestEnd({
        tier,
        outcome: "upstream_error",
        reason,
        status: 200,
        attempts,
        usage,
        outputTokensPerSecond,
      });
      return;
    }
    this.#report.attemptEnd(tier, used.attempt, used.start, {
      ok: end.outcome === "ok",
      status: 200,
      key: used.key?.id,
    });
    this.#report.requestEnd({
      tier,
      outcome: end.outcome === "ok" ? "ok" : "aborted",
      status: 200,
      attempts,
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
    const facts = failureFacts(failure, now);
    const after = await this.#update(tier, (current) => recordFailure(current, now, facts), failure.reason);
    this.#report.failure(tier, provider, failure, AUTH_COOLDOWN_MS);
    return after;
  }

  /** Updates a tier's record and reports circuit transitions and new cooldowns. */
  async #update(
    tier: ChainTier,
    change: (current: TierHealthRecord | undefined) => TierHealthRecord,
    reason?: AttemptFailure["reason"],
  ): Promise<TierHealthRecord> {
    const update = await this.#deps.store.update(tier.id, change, STATE_TTL_MS);
    this.#report.healthChange(tier, update.before, update.after, reason);
    return update.after;
  }

  /** Whether a tier after `index` could take the request now (not cooling, circuit not open, a key left). */
  async #laterTierAvailable(index: number): Promise<boolean> {
    const later = this.#chain.slice(index + 1);
    if (later.length === 0) return false;
    const records = await this.#deps.store.getMany(later.map((tier) => tier.id));
    const now = this.#deps.now();
    for (const [position, tier] of later.entries()) {
      if (admit(records[position], now).kind === "skip") continue;
      const provider = this.#input.config.providers[tier.provider];
      const keys = provider && this.#keyPool(provider);
      if (!keys || (await keys.unavailable()) === undefined) return true;
    }
    return false;
  }

  #allFailed(failures: readonly TierFailure[]): ServeResult {
    const answer = allTiersFailed(failures, this.#deps.now());
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-ccr-attempts": String(this.#attempts),
    };
    if (answer.retryAfterSeconds !== undefined) headers["retry-after"] = String(answer.retryAfterSeconds);
    if (answer.failure) headers["x-ccr-tier"] = answer.failure.tier.id;
    this.#input.sink.json(
      answer.status,
      headers,
      this.#input.ingress.errorBody(answer.status, answer.message),
    );
    this.#report.requestEnd({
      tier: answer.failure?.tier ?? failures[failures.length - 1]?.tier,
      outcome: answer.outcome,
      reason: answer.reason,
      status: answer.status,
      attempts: this.#attempts,
    });
    this.#report.allFailed(answer.status, this.#attempts, answer.message);
    return { status: answer.status, stream: false, tier: answer.failure?.tier.id, attempts: this.#attempts };
  }

  #aborted(tier: ChainTier): ServeResult {
    const status = 499;
    this.#input.sink.json(
      status,
      { "content-type": "application/json", "x-ccr-attempts": String(this.#attempts) },
      this.#input.ingress.errorBody(status, "the client closed the request"),
    );
    this.#report.requestEnd({ tier, outcome: "aborted", status, attempts: this.#attempts });
    return { status, stream: false, attempts: this.#attempts };
  }
}

/** The attempt that answered: which one at its tier, when it started, and the key it used. */
interface AnsweringAttempt {
  readonly attempt: number;
  readonly start: number;
  readonly key: ProviderKey | undefined;
  readonly keys: KeyPool | undefined;
}

function failedTier(tier: ChainTier, reason: TierFailure["reason"], message: string): TierResult {
  return { kind: "failed", failure: { tier, reason, message } };
}

/** When a tier that just failed can be tried again, if it is cooling or its circuit is open. */
function unavailableUntil(record: TierHealthRecord, now: number): number | undefined {
  const until = Math.max(record.cooldownUntil, record.circuit === "open" ? record.openUntil : 0);
  return until > now ? until : undefined;
}
