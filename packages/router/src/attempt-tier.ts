import type { ChainTier, ProviderConfig } from "@ccr/config";
import {
  type AnthropicMessage,
  type AnthropicMessagesRequest,
  openAIErrorMessage,
  type TierRequest,
  type TierTranslator,
  UpstreamResponseError,
} from "@ccr/transform";
import { type ChunkReader, upstreamChunks } from "./chunk-reader.js";
import {
  type AttemptFailure,
  apiTimeout,
  classifyErrorType,
  classifyStatus,
  classifyUpstreamError,
  connectionFailure,
  firstEventTimeout,
} from "./classify-outcome.js";
import { describeError } from "./describe-error.js";
import { HeldEvents } from "./held-events.js";
import { messageToSse } from "./message-to-sse.js";
import { retryAfterFromHeaders } from "./parse-retry-after.js";
import { ReadDeadlineError, readWithDeadline } from "./read-with-deadline.js";
import { TranslatingReader } from "./translating-reader.js";
import { upstreamHeaders } from "./upstream-headers.js";

export interface AttemptInput {
  readonly tier: ChainTier;
  readonly provider: ProviderConfig;
  readonly translator: TierTranslator;
  readonly request: AnthropicMessagesRequest;
  readonly stream: boolean;
  readonly apiTimeoutMs: number;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly clientSignal?: AbortSignal;
  readonly clientHeaders?: Readonly<Record<string, string>>;
}

export type AttemptResult =
  | { readonly kind: "message"; readonly message: AnthropicMessage }
  | {
      readonly kind: "stream";
      /** The translated stream, read up to its first content event. */
      readonly reader: ChunkReader;
      /** What was read of it: the held `message_start` (and pings) and the first content. */
      readonly first: Uint8Array;
      /** Aborts the upstream: client abort, API_TIMEOUT_MS. */
      readonly signal: AbortSignal;
      /** Aborts the upstream request from our side (idle stream, client gone). */
      readonly abort: (reason: unknown) => void;
      /** Drops the attempt's timer and client listener: call once the stream has ended, however it ended. */
      readonly release: () => void;
    }
  | { readonly kind: "failed"; readonly failure: AttemptFailure }
  | { readonly kind: "aborted" };

/**
 * One request to one tier, up to the point where the client can be answered: a translated message,
 * or a translated stream whose first content event has arrived (so any failure before it is still the
 * cascade's to handle). Never throws: every failure is classified for the cascade.
 */
export async function attemptTier(input: AttemptInput): Promise<AttemptResult> {
  let translated: TierRequest;
  try {
    translated = await input.translator.request(input.request);
  } catch (error) {
    return failed(translationFailure(error, input));
  }

  const firstEventTimeoutMs = input.stream ? input.tier.retry.streamFirstEventTimeoutMs : undefined;
  const attempt = attemptSignal(input.clientSignal, input.apiTimeoutMs);
  const { signal } = attempt;
  const timer =
    firstEventTimeoutMs === undefined
      ? undefined
      : setTimeout(() => attempt.abort(new ReadDeadlineError(firstEventTimeoutMs)), firstEventTimeoutMs);
  let response: Response | undefined;
  let streaming = false;
  /** The upstream's whole body was read: its request is over, with nothing left to abort. */
  let bodyRead = false;

  try {
    response = await input.fetch(input.provider.endpointUrl, {
      method: "POST",
      headers: upstreamHeaders(input.provider, translated.headers, input.clientHeaders),
      body: typeof translated.body === "string" ? translated.body : JSON.stringify(translated.body),
      signal,
    });
    if (!response.ok) {
      const failure = await statusFailure(response, input);
      bodyRead = true;
      return failed(failure);
    }

    const reader =
      input.stream && isEventStream(response)
        ? translatedStream(response, input.translator, translated.context)
        : undefined;
    if (reader) {
      const held = new HeldEvents();
      for (;;) {
        const chunk = await readWithDeadline(reader, undefined, signal);
        if (chunk.done) {
          return failed({
            reason: "server_error",
            disposition: "retry",
            status: response.status,
            message: "the upstream stream ended without any event",
            countsAgainstHealth: true,
          });
        }
        if (chunk.value.byteLength === 0) continue;
        const verdict = held.add(chunk.value);
        if (verdict.kind === "error") {
          const retryAfterMs = retryAfterFromHeaders(response.headers, input.now());
          return failed(
            classifyErrorType(verdict.type, redact(verdict.message, input.provider), retryAfterMs),
          );
        }
        if (verdict.kind === "content") {
          streaming = true;
          return {
            kind: "stream",
            reader,
            first: held.bytes(),
            signal,
            abort: attempt.abort,
            release: attempt.release,
          };
        }
      }
    }

    const body = await readJson(response);
    bodyRead = true;
    if (body === undefined) {
      return failed({
        reason: "server_error",
        disposition: "retry",
        status: response.status,
        message: "the upstream answered with a body that is not JSON",
        countsAgainstHealth: true,
      });
    }
    const message = await input.translator.response(body, translated.context);
    if (input.stream) {
      // Some upstreams ignore `stream: true`; their answer is whole, so it is streamed as it stands.
      streaming = true;
      return {
        kind: "stream",
        reader: ENDED,
        first: messageToSse(message),
        signal,
        abort: attempt.abort,
        release: attempt.release,
      };
    }
    return { kind: "message", message };
  } catch (error) {
    if (input.clientSignal?.aborted) return { kind: "aborted" };
    if (signal.reason instanceof ReadDeadlineError || error instanceof ReadDeadlineError) {
      return failed(firstEventTimeout(firstEventTimeoutMs ?? 0));
    }
    if (signal.reason instanceof ApiTimeoutError) return failed(apiTimeout(input.apiTimeoutMs));
    if (UpstreamResponseError.isInstance(error)) {
      const retryAfterMs = response ? retryAfterFromHeaders(response.headers, input.now()) : undefined;
      const failure = classifyUpstreamError(error, retryAfterMs);
      return failed({ ...failure, message: redact(failure.message, input.provider) });
    }
    return failed(connectionFailure(redact(describeError(error), input.provider)));
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    // Whatever was not handed to the client is released now: no socket, timer or listener outlives an
    // attempt that ends here; a stream's are released when the relay ends.
    if (!streaming) {
      if (!bodyRead) attempt.abort(ATTEMPT_FINISHED);
      attempt.release();
    }
  }
}

/** Why an attempt that ended before reading its whole answer aborts it; nobody reads its stack. */
const ATTEMPT_FINISHED = new Error("attempt finished");

/** A stream with nothing after what was held. */
const ENDED: ChunkReader = {
  read: async () => ({ done: true, value: undefined }),
  cancel: async () => {},
};

/** API_TIMEOUT_MS ran out during an attempt. */
class ApiTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the upstream request exceeded API_TIMEOUT_MS (${timeoutMs} ms)`);
    this.name = "ApiTimeoutError";
  }
}

/**
 * The signal of one attempt: aborted by the client, by API_TIMEOUT_MS, or by the router itself. One
 * controller, a timer and a listener, all dropped by `release`; `AbortSignal.timeout` + `AbortSignal.any`
 * would cost ~0.1 ms per attempt on Node 20 and keep ~5 KB alive per attempt until the timeout fires.
 */
function attemptSignal(
  clientSignal: AbortSignal | undefined,
  apiTimeoutMs: number,
): { signal: AbortSignal; abort: (reason: unknown) => void; release: () => void } {
  const controller = new AbortController();
  const abort = (reason: unknown) => controller.abort(reason);
  const onClientAbort = () => abort(clientSignal?.reason);
  const timer = setTimeout(() => abort(new ApiTimeoutError(apiTimeoutMs)), apiTimeoutMs);
  // A stream the client never reads nor cancels must not hold the process open until it expires.
  timer.unref();
  if (clientSignal?.aborted) abort(clientSignal.reason);
  else clientSignal?.addEventListener("abort", onClientAbort, { once: true });
  return {
    signal: controller.signal,
    abort,
    release() {
      clearTimeout(timer);
      clientSignal?.removeEventListener("abort", onClientAbort);
    },
  };
}

function failed(failure: AttemptFailure): AttemptResult {
  return { kind: "failed", failure };
}

/** The tier's translator refused the request: the request's fault (400) or the tier's setup (500). */
function translationFailure(error: unknown, input: AttemptInput): AttemptFailure {
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number" && status >= 400 && status < 500)
    return classifyStatus(status, describeError(error));
  return classifyStatus(
    500,
    `could not build the request for ${input.tier.id}: ${redact(describeError(error), input.provider)}`,
  );
}

async function statusFailure(response: Response, input: AttemptInput): Promise<AttemptFailure> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: an HTML error page or plain text; the text itself is the message.
  }
  const detail =
    openAIErrorMessage(body)?.slice(0, 2000) ?? (response.statusText || `HTTP ${response.status}`);
  const retryAfterMs =
    response.status === 429 ? retryAfterFromHeaders(response.headers, input.now()) : undefined;
  return classifyStatus(response.status, redact(detail, input.provider), retryAfterMs);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The upstream's SSE, translated; read without web streams when the body and the translation allow it. */
function translatedStream(
  response: Response,
  translator: TierTranslator,
  context: TierRequest["context"],
): ChunkReader | undefined {
  const translation = translator.streamTranslation(context);
  const source = translation && upstreamChunks(response);
  if (translation && source) return new TranslatingReader(source, translation);
  return response.body?.pipeThrough(translator.stream(context)).getReader();
}

function isEventStream(response: Response): boolean {
  const type = response.headers.get("content-type");
  return type === null || !type.includes("json");
}

/** Some providers echo the key in their error messages; it must not reach logs or clients. */
function redact(message: string, provider: ProviderConfig): string {
  return provider.apiKey && message.includes(provider.apiKey)
    ? message.replaceAll(provider.apiKey, "***")
    : message;
}
