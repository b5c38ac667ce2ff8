import type { ChainTier, ProviderConfig } from "@ccr/config";
import {
  openAIErrorMessage,
  type TierContext,
  type TierTranslator,
  type TokenUsage,
  tokenUsage,
  UpstreamResponseError,
} from "@ccr/transform";
import type { AbortSignalLike } from "../abort-signal-like.js";
import { describeError } from "../describe-error.js";
import { LiveStream, type OpenedStream, type StreamEnd, WholeStream } from "../streams/live-stream.js";
import { rewrittenReply } from "../upstream/rewritten-reply.js";
import type { UpstreamReply, UpstreamTransport } from "../upstream/upstream-transport.js";
import { ApiTimeoutError, AttemptSignal, FirstEventTimeoutError } from "./attempt-signal.js";
import {
  type AttemptFailure,
  apiTimeout,
  classifyStatus,
  classifyUpstreamError,
  connectionFailure,
  firstEventTimeout,
} from "./classify-outcome.js";
import { retryAfterFromHeaders } from "./parse-retry-after.js";

/** A tier's upstream request, translated and serialized once: every retry sends these same bytes. */
export interface PreparedRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly context: TierContext;
}

export interface AttemptInput {
  readonly tier: ChainTier;
  readonly provider: ProviderConfig;
  readonly translator: TierTranslator;
  readonly prepared: PreparedRequest;
  /**
   * The header carrying this attempt's key, for a provider with a key pool (its prepared headers carry
   * none); the prepared headers win where they set the same name, as translator headers always have.
   */
  readonly keyHeaders?: Readonly<Record<string, string>>;
  readonly stream: boolean;
  readonly apiTimeoutMs: number;
  readonly transport: UpstreamTransport;
  readonly now: () => number;
  readonly clientSignal?: AbortSignalLike;
}

export type AttemptResult =
  | { readonly kind: "message"; readonly body: unknown; readonly usage: TokenUsage | undefined }
  | {
      readonly kind: "stream";
      /** Its first content has arrived and is held; the cascade attaches the client. */
      readonly stream: OpenedStream;
      /**
       * Call once the stream has ended, however it ended: drops the attempt's timer and client listener, and
       * for a stream that did not end well aborts what is left of its upstream request.
       */
      readonly release: (end: StreamEnd) => void;
    }
  | { readonly kind: "failed"; readonly failure: AttemptFailure }
  | { readonly kind: "aborted" };

/**
 * One request to one tier, up to the point where the client can be answered: a translated message, or a
 * translated stream whose first content has arrived (so any failure before it is still the cascade's to
 * handle). Never throws: every failure is classified for the cascade.
 */
export async function attemptTier(input: AttemptInput): Promise<AttemptResult> {
  const { prepared, translator } = input;
  const attempt = new AttemptSignal(input.clientSignal, input.apiTimeoutMs);
  const firstEventTimeoutMs = input.stream ? input.tier.retry.streamFirstEventTimeoutMs : undefined;
  const timer =
    firstEventTimeoutMs === undefined
      ? undefined
      : setTimeout(() => attempt.abort(new FirstEventTimeoutError(firstEventTimeoutMs)), firstEventTimeoutMs);
  let reply: UpstreamReply | undefined;
  let handedOver = false;

  try {
    reply = await input.transport({
      url: prepared.url,
      headers: input.keyHeaders ? { ...input.keyHeaders, ...prepared.headers } : prepared.headers,
      body: prepared.body,
      signal: attempt.signal,
    });
    if (reply.status < 200 || reply.status >= 300) return failed(await statusFailure(reply, input));

    if (input.stream && isEventStream(reply)) {
      const source = translator.rewriteStream
        ? rewrittenReply(reply, (body) => translator.rewriteStream!(body, prepared.context))
        : reply;
      const stream = new LiveStream({
        reply: source,
        translation: translator.stream(prepared.context),
        idleTimeoutMs: input.tier.retry.streamIdleTimeoutMs,
      });
      attempt.onAbort = (reason) => stopStream(stream, reason);
      const opening = await stream.opening;
      if (opening.kind === "content") {
        handedOver = true;
        return { kind: "stream", stream, release: (end) => releaseStream(attempt, end) };
      }
      if (opening.kind === "ended") return failed(upstreamFailure(opening.error, reply, input));
      throw opening.error;
    }

    const text = await reply.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return failed({
        reason: "server_error",
        disposition: "retry",
        status: reply.status,
        message: "the upstream answered with a body that is not JSON",
        countsAgainstHealth: true,
      });
    }
    const answer = await translator.response(body, prepared.context);
    const usage = tokenUsage(answer.message.usage);
    if (input.stream) {
      // Some upstreams ignore `stream: true`; their answer is whole, so it is streamed as it stands.
      handedOver = true;
      const text = translator.stream(prepared.context).whole(answer.message);
      return {
        kind: "stream",
        stream: new WholeStream(text, usage),
        release: (end) => releaseStream(attempt, end),
      };
    }
    return { kind: "message", body: answer.body, usage };
  } catch (error) {
    if (attempt.clientGone) return { kind: "aborted" };
    const reason = attempt.reason;
    if (reason instanceof FirstEventTimeoutError) return failed(firstEventTimeout(reason.timeoutMs));
    if (reason instanceof ApiTimeoutError) return failed(apiTimeout(input.apiTimeoutMs));
    if (UpstreamResponseError.isInstance(error)) return failed(upstreamFailure(error, reply, input));
    return failed(connectionFailure(redact(describeError(error), input.provider), error));
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    // Whatever was not handed to the client is released now: no socket, timer or listener outlives an
    // attempt that ends here; a stream's are released when it ends.
    if (!handedOver) {
      attempt.onAbort = undefined;
      reply?.discard();
      attempt.release();
    }
  }
}

function releaseStream(attempt: AttemptSignal, end: StreamEnd): void {
  if (end.outcome !== "ok") attempt.abort(new Error(`stream ended: ${end.message ?? end.outcome}`));
  attempt.release();
}

/** The router's own reasons to stop a stream, told to it before its upstream body reports the abort. */
function stopStream(stream: LiveStream, reason: unknown): void {
  if (reason instanceof ApiTimeoutError)
    stream.fail(new UpstreamResponseError({ status: 500, message: reason.message }), "timeout_idle");
  else if (reason instanceof FirstEventTimeoutError)
    stream.fail(new UpstreamResponseError({ status: 504, message: reason.message }), "timeout_idle");
  else stream.abort();
}

function failed(failure: AttemptFailure): AttemptResult {
  return { kind: "failed", failure };
}

function upstreamFailure(
  error: UpstreamResponseError,
  reply: UpstreamReply | undefined,
  input: AttemptInput,
): AttemptFailure {
  const retryAfterMs = reply ? retryAfterFromHeaders(reply, input.now()) : undefined;
  const failure = classifyUpstreamError(error, retryAfterMs);
  return { ...failure, message: redact(failure.message, input.provider) };
}

async function statusFailure(reply: UpstreamReply, input: AttemptInput): Promise<AttemptFailure> {
  const text = await reply.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: an HTML error page or plain text; the text itself is the message.
  }
  const detail = openAIErrorMessage(body)?.slice(0, 2000) ?? (reply.statusText || `HTTP ${reply.status}`);
  const retryAfterMs = reply.status === 429 ? retryAfterFromHeaders(reply, input.now()) : undefined;
  return classifyStatus(reply.status, redact(detail, input.provider), retryAfterMs);
}

function isEventStream(reply: UpstreamReply): boolean {
  const type = reply.header("content-type");
  return type === undefined || !type.includes("json");
}

/** Some providers echo the key in their error messages; no key of theirs must reach logs or clients. */
export function redact(message: string, provider: ProviderConfig): string {
  let out =
    provider.apiKey && message.includes(provider.apiKey)
      ? message.replaceAll(provider.apiKey, "***")
      : message;
  if (provider.keyPool)
    for (const { key } of provider.keyPool) if (out.includes(key)) out = out.replaceAll(key, "***");
  return out;
}
