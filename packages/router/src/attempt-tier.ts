import type { ChainTier, ProviderConfig } from "@ccr/config";
import {
  type AnthropicMessage,
  type AnthropicMessagesRequest,
  openAIErrorMessage,
  type TierRequest,
  type TierTranslator,
  UpstreamResponseError,
} from "@ccr/transform";
import {
  type AttemptFailure,
  apiTimeout,
  classifyStatus,
  classifyUpstreamError,
  connectionFailure,
  firstEventTimeout,
} from "./classify-outcome.js";
import { describeError } from "./describe-error.js";
import { retryAfterFromHeaders } from "./parse-retry-after.js";
import { ReadDeadlineError, readWithDeadline } from "./read-with-deadline.js";
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
      /** The translated stream, its first chunk already read. */
      readonly reader: ReadableStreamDefaultReader<Uint8Array>;
      readonly first: Uint8Array;
      /** Aborts the upstream: client abort, API_TIMEOUT_MS. */
      readonly signal: AbortSignal;
      /** Aborts the upstream request from our side (idle stream, client gone). */
      readonly abort: (reason: unknown) => void;
    }
  | { readonly kind: "failed"; readonly failure: AttemptFailure }
  | { readonly kind: "aborted" };

/**
 * One request to one tier, up to the point where the client can be answered: a translated message,
 * or a translated stream whose first chunk has arrived (so any failure before it is still the
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
  const deadline = new AbortController();
  const timeout = AbortSignal.timeout(input.apiTimeoutMs);
  const signal = AbortSignal.any(
    input.clientSignal ? [input.clientSignal, timeout, deadline.signal] : [timeout, deadline.signal],
  );
  const timer =
    firstEventTimeoutMs === undefined
      ? undefined
      : setTimeout(() => deadline.abort(new ReadDeadlineError(firstEventTimeoutMs)), firstEventTimeoutMs);
  let response: Response | undefined;
  let streaming = false;

  try {
    response = await input.fetch(input.provider.endpointUrl, {
      method: "POST",
      headers: upstreamHeaders(input.provider, translated.headers, input.clientHeaders),
      body: typeof translated.body === "string" ? translated.body : JSON.stringify(translated.body),
      signal,
    });
    if (!response.ok) return failed(await statusFailure(response, input));

    if (input.stream && response.body && isEventStream(response)) {
      const reader = response.body.pipeThrough(input.translator.stream(translated.context)).getReader();
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
        if (chunk.value.byteLength > 0) {
          streaming = true;
          return {
            kind: "stream",
            reader,
            first: chunk.value,
            signal,
            abort: (reason) => deadline.abort(reason),
          };
        }
      }
    }

    const body = await readJson(response);
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
      return failed({
        reason: "server_error",
        disposition: "next",
        status: response.status,
        message: "the upstream answered a streaming request without an event stream",
        countsAgainstHealth: false,
      });
    }
    return { kind: "message", message };
  } catch (error) {
    if (input.clientSignal?.aborted) return { kind: "aborted" };
    if (deadline.signal.aborted || error instanceof ReadDeadlineError) {
      return failed(firstEventTimeout(firstEventTimeoutMs ?? 0));
    }
    if (timeout.aborted) return failed(apiTimeout(input.apiTimeoutMs));
    if (UpstreamResponseError.isInstance(error)) {
      const retryAfterMs = response ? retryAfterFromHeaders(response.headers, input.now()) : undefined;
      const failure = classifyUpstreamError(error, retryAfterMs);
      return failed({ ...failure, message: redact(failure.message, input.provider) });
    }
    return failed(connectionFailure(redact(describeError(error), input.provider)));
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    // Whatever was not handed to the client is released now: no socket outlives a failed attempt.
    if (!streaming) deadline.abort(new Error("attempt finished"));
  }
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
