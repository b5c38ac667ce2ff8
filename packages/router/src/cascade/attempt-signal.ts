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
 * The signal of one attempt: aborted by the client, by API_TIMEOUT_MS, or by the router itself. One
 * controller, a timer and a listener for the attempt's whole life, dropped by `release`; `AbortSignal.timeout`
 * with `AbortSignal.any` would cost ~0.1 ms per attempt on Node 20 and keep ~5 KB alive until the timeout
 * fires. `onAbort` hears why before the upstream request is aborted, so a stream can end the client's answer
 * in the right words before its upstream body reports the abort.
 */
export class AttemptSignal {
  readonly #controller = new AbortController();
  readonly #clientSignal: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #onClientAbort = () => this.abort(this.#clientSignal?.reason ?? new ClientGoneError());
  onAbort: ((reason: unknown) => void) | undefined;

  constructor(clientSignal: AbortSignal | undefined, apiTimeoutMs: number) {
    this.#clientSignal = clientSignal;
    this.#timer = setTimeout(() => this.abort(new ApiTimeoutError(apiTimeoutMs)), apiTimeoutMs);
    // A stream the client never reads nor cancels must not hold the process open until it expires.
    this.#timer.unref();
    if (clientSignal?.aborted) this.abort(clientSignal.reason ?? new ClientGoneError());
    else clientSignal?.addEventListener("abort", this.#onClientAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Why the attempt was aborted, if it was. */
  get reason(): unknown {
    return this.#controller.signal.aborted ? this.#controller.signal.reason : undefined;
  }

  get clientGone(): boolean {
    return this.#clientSignal?.aborted === true;
  }

  abort(reason: unknown): void {
    if (this.#controller.signal.aborted) return;
    const onAbort = this.onAbort;
    this.onAbort = undefined;
    onAbort?.(reason);
    this.#controller.abort(reason);
  }

  /** Drops the timer and the client listener: once the attempt (or the stream it became) has ended. */
  release(): void {
    clearTimeout(this.#timer);
    this.onAbort = undefined;
    this.#clientSignal?.removeEventListener("abort", this.#onClientAbort);
  }
}
