import type { IncomingHttpHeaders } from "node:http";
import type { Dispatcher } from "undici";
import { UpstreamBody } from "./upstream-body.js";
import { UpstreamResponse } from "./upstream-response.js";

const NO_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * One upstream request as an undici dispatch handler: `response` settles with the status line and headers,
 * and the body is queued into an {@link UpstreamBody} as it arrives. The signal aborts the request at any
 * point; before the answer has started, `response` rejects with the signal's reason at once, even while
 * the request still waits for a connection.
 */
export class UpstreamCall implements Dispatcher.DispatchHandler {
  readonly response: Promise<UpstreamResponse>;
  readonly #url: string;
  readonly #hasBody: boolean;
  readonly #signal: AbortSignal | undefined;
  #controller: Dispatcher.DispatchController | undefined;
  #body: UpstreamBody | undefined;
  #started = false;
  #resolve!: (response: UpstreamResponse) => void;
  #reject!: (error: unknown) => void;
  readonly #onAbort = () => this.#abort(this.#signal?.reason);

  constructor(url: string, method: string, signal: AbortSignal | undefined) {
    this.#url = url;
    this.#hasBody = method !== "HEAD";
    this.#signal = signal;
    this.response = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    if (signal?.aborted) this.#abort(signal.reason);
    else signal?.addEventListener("abort", this.#onAbort);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#signal?.aborted) controller.abort(this.#signal.reason);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    headers: IncomingHttpHeaders,
    statusText?: string,
  ): void {
    // 1xx informational answers come before the real one.
    if (status < 200) return;
    this.#started = true;
    const body = this.#hasBody && !NO_BODY_STATUSES.has(status) ? new UpstreamBody(controller) : undefined;
    this.#body = body;
    this.#resolve(new UpstreamResponse(this.#url, status, statusText ?? "", headers, body ?? null));
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#body?.push(chunk);
  }

  onResponseEnd(): void {
    this.#body?.end();
    this.#release();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.#started) this.#body?.fail(error);
    else this.#reject(error);
    this.#release();
  }

  /** A failure from our side: undici's own errors come through `onResponseError`. */
  fail(error: unknown): void {
    this.#reject(error);
    this.#release();
  }

  #abort(reason: unknown): void {
    const error =
      reason instanceof Error ? reason : new DOMException("This operation was aborted", "AbortError");
    if (!this.#started) this.#reject(error);
    // Before a connection is assigned there is no controller yet: `onRequestStart` aborts then.
    this.#controller?.abort(error);
  }

  #release(): void {
    this.#signal?.removeEventListener("abort", this.#onAbort);
  }
}
