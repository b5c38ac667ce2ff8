import type { IncomingHttpHeaders } from "node:http";
import type { AbortSignalLike, BodyFlow, BodyReceiver, UpstreamReply } from "@ccr/router";
import type { Dispatcher } from "undici";

const NO_BODY_STATUSES = new Set([204, 205, 304]);

/** Bytes kept unread (no receiver yet) before the upstream is paused. */
const HIGH_WATER_MARK = 64 * 1024;

/** Why a body dropped before its end aborts its request; nobody reads its stack. */
const DISCARDED = new Error("the upstream body was discarded");

/**
 * One upstream request as an undici dispatch handler, and its answer as the router's {@link UpstreamReply}:
 * `reply` settles with the status line and headers, and each body chunk goes straight to the receiver the
 * router attaches (queued only until it does), with no Node stream, web stream or promise per chunk. The
 * signal aborts the request at any point; before the answer has started, `reply` rejects with the signal's
 * reason at once, even while the request still waits for a connection.
 */
export class UpstreamCall implements Dispatcher.DispatchHandler, UpstreamReply {
  readonly reply: Promise<UpstreamReply>;
  status = 0;
  statusText = "";
  readonly #hasBody: boolean;
  readonly #signal: AbortSignalLike | undefined;
  #headers: IncomingHttpHeaders = {};
  #controller: Dispatcher.DispatchController | undefined;
  #started = false;
  #receiver: BodyReceiver | undefined;
  #queue: Buffer[] = [];
  #queued = 0;
  #ended = false;
  #failure: unknown;
  #discarded = false;
  #whole: { resolve: (text: string) => void; reject: (error: unknown) => void } | undefined;
  #resolve!: (reply: UpstreamReply) => void;
  #reject!: (error: unknown) => void;
  readonly #onAbort = () => this.#abort(this.#signal?.reason);

  constructor(method: string, signal: AbortSignalLike | undefined) {
    this.#hasBody = method !== "HEAD";
    this.#signal = signal;
    this.reply = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    if (signal?.aborted) this.#abort(signal.reason);
    else signal?.addEventListener("abort", this.#onAbort);
  }

  // --- the dispatcher's side ---

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#signal?.aborted) this.#abort(this.#signal.reason);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    status: number,
    headers: IncomingHttpHeaders,
    statusText?: string,
  ): void {
    // 1xx informational answers come before the real one.
    if (status < 200) return;
    this.#started = true;
    this.status = status;
    this.statusText = statusText ?? "";
    this.#headers = headers;
    if (!this.#hasBody || NO_BODY_STATUSES.has(status)) this.#ended = true;
    this.#resolve(this);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#discarded) return;
    const receiver = this.#receiver;
    if (receiver) {
      receiver.data(chunk);
      return;
    }
    this.#queue.push(chunk);
    this.#queued += chunk.byteLength;
    if (this.#whole === undefined && this.#queued >= HIGH_WATER_MARK) controller.pause();
  }

  onResponseEnd(): void {
    this.#ended = true;
    this.#release();
    if (this.#discarded) return;
    this.#receiver?.end();
    if (this.#whole) this.#whole.resolve(this.#drain());
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#release();
    if (!this.#started) {
      this.#reject(error);
      return;
    }
    if (this.#ended || this.#failure !== undefined) return;
    this.#failure = error;
    if (this.#discarded) return;
    this.#receiver?.error(error);
    this.#whole?.reject(error);
  }

  /** A failure from our side before dispatching: undici's own errors come through `onResponseError`. */
  fail(error: unknown): void {
    this.#reject(error);
    this.#release();
  }

  // --- the router's side ---

  header(name: string): string | undefined {
    const value = this.#headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  }

  text(): Promise<string> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    if (this.#ended) return Promise.resolve(this.#drain());
    this.#controller?.resume();
    return new Promise((resolve, reject) => {
      this.#whole = { resolve, reject };
    });
  }

  stream(receiver: BodyReceiver): BodyFlow {
    this.#receiver = receiver;
    const queued = this.#queue;
    this.#queue = [];
    this.#queued = 0;
    for (const chunk of queued) receiver.data(chunk);
    if (this.#failure !== undefined) receiver.error(this.#failure);
    else if (this.#ended) receiver.end();
    else this.#controller?.resume();
    return this;
  }

  pause(): void {
    this.#controller?.pause();
  }

  resume(): void {
    this.#controller?.resume();
  }

  /**
   * A body that has arrived whole keeps its pooled connection; one still arriving a tick later (an upstream
   * that lingers after its last event) is aborted, closing its connection.
   */
  discard(): void {
    if (this.#discarded) return;
    this.#discarded = true;
    this.#queue = [];
    if (this.#ended || this.#failure !== undefined) return;
    this.#controller?.resume();
    setImmediate(() => {
      if (!this.#ended && this.#failure === undefined) this.#controller?.abort(DISCARDED);
    });
  }

  #drain(): string {
    const queued = this.#queue;
    this.#queue = [];
    this.#queued = 0;
    if (queued.length === 1) return queued[0]!.toString("utf8");
    return Buffer.concat(queued).toString("utf8");
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
