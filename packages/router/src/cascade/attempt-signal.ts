import { AbortNotice, type AbortSignalLike } from "../abort-signal-like.js";

/** API_TIMEOUT_MS ran out during an attempt. */
export class ApiTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the upstream request exceeded API_TIMEOUT_MS (${timeoutMs} ms)`);
    this.name = "ApiTimeoutError";
  }
}

/** No first event from the upstream within its tier's limit. */
export class FirstEventTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no first event from the upstream within ${timeoutMs} ms`);
    this.name = "FirstEventTimeoutError";
  }
}

/** The client closed the request; the reason when its signal gave none. */
export class ClientGoneError extends Error {
  constructor() {
    super("the client closed the request");
    this.name = "ClientGoneError";
  }
}

/**
 * The signal of one attempt: aborted by the client, by API_TIMEOUT_MS, or by the router itself. A notice, a
 * timer and a listener on the client's signal for the attempt's whole life, dropped by `release`; no
 * `AbortController` (on Node 20 one costs as much as translating a short request, and `AbortSignal.timeout`
 * with `AbortSignal.any` keeps ~5 KB alive until the timeout fires). `onAbort` hears why before the upstream
 * request is aborted, so a stream can end the client's answer in the right words before its upstream body
 * reports the abort.
 */
export class AttemptSignal {
  readonly #notice = new AbortNotice();
  readonly #clientSignal: AbortSignalLike | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #onClientAbort = () => this.abort(this.#clientSignal?.reason ?? new ClientGoneError());
  onAbort: ((reason: unknown) => void) | undefined;

  constructor(clientSignal: AbortSignalLike | undefined, apiTimeoutMs: number) {
    this.#clientSignal = clientSignal;
    this.#timer = setTimeout(() => this.abort(new ApiTimeoutError(apiTimeoutMs)), apiTimeoutMs);
    // A stream the client never reads nor cancels must not hold the process open until it expires.
    this.#timer.unref();
    if (clientSignal?.aborted) this.abort(clientSignal.reason ?? new ClientGoneError());
    else clientSignal?.addEventListener("abort", this.#onClientAbort, { once: true });
  }

  /** What the upstream request listens to. */
  get signal(): AbortSignalLike {
    return this.#notice;
  }

  /** Why the attempt was aborted, if it was. */
  get reason(): unknown {
    return this.#notice.reason;
  }

  get clientGone(): boolean {
    return this.#clientSignal?.aborted === true;
  }

  abort(reason: unknown): void {
    if (this.#notice.aborted) return;
    const onAbort = this.onAbort;
    this.onAbort = undefined;
    onAbort?.(reason);
    this.#notice.abort(reason);
  }

  /** Drops the timer and the client listener: once the attempt (or the stream it became) has ended. */
  release(): void {
    clearTimeout(this.#timer);
    this.onAbort = undefined;
    this.#clientSignal?.removeEventListener("abort", this.#onClientAbort);
  }
}
