import type { FailureReason } from "@ccr/metrics";
import { UpstreamResponseError } from "@ccr/transform";
import type { ChunkReader } from "./chunk-reader.js";
import { describeError } from "./describe-error.js";
import { errorFrame } from "./error-frame.js";
import { IdleDeadlineReader } from "./idle-deadline-reader.js";
import { ReadDeadlineError } from "./read-with-deadline.js";
import type { StreamObserver } from "./stream-observer.js";

export interface RelayEnd {
  readonly outcome: "ok" | "failed" | "aborted";
  readonly reason?: FailureReason;
  readonly message?: string;
}

export interface RelayOptions {
  /** The translated stream, after what was held before the client was answered. */
  readonly reader: ChunkReader;
  /** The held bytes: `message_start` (and pings) and the first content. */
  readonly first: Uint8Array;
  /** Ends the stream with an error frame when the upstream sends nothing for this long. */
  readonly idleTimeoutMs?: number;
  /** The attempt's signal: client abort and API_TIMEOUT_MS. */
  readonly signal: AbortSignal;
  /** Aborts the upstream request, releasing its connection. */
  readonly abort: (reason: unknown) => void;
  /** Drops the attempt's API_TIMEOUT_MS timer and client listener; called once, when the stream ends. */
  readonly release: () => void;
  readonly clientSignal?: AbortSignal;
  readonly observer: StreamObserver;
  /** Called once, when the stream ends for any reason. */
  readonly onEnd: (end: RelayEnd) => void;
}

const DONE: ReadableStreamReadResult<Uint8Array> = { done: true, value: undefined };

/**
 * The client's stream once the first content event has arrived. From here there is no silent
 * retry: an upstream error, an idle upstream, a timeout or a stream that ends without `message_stop`
 * all become one Anthropic `event: error` frame and the end of the stream, so it never looks complete
 * when it is not. Pull-based: the upstream is read only as fast as the client reads.
 */
export class StreamRelay implements ChunkReader {
  readonly #options: RelayOptions;
  readonly #upstream: IdleDeadlineReader<Uint8Array>;
  #first: Uint8Array | undefined;
  /** Nothing more is read: what was returned last ends the stream. */
  #closed = false;

  constructor(options: RelayOptions) {
    this.#options = options;
    this.#first = options.first;
    this.#upstream = new IdleDeadlineReader(options.reader, options.idleTimeoutMs, options.signal);
  }

  get finished(): boolean {
    return this.#closed;
  }

  async read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    if (this.#closed) return DONE;
    const first = this.#first;
    if (first) {
      this.#first = undefined;
      return this.#deliver(first);
    }
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await this.#upstream.read();
    } catch (error) {
      return this.#closed ? DONE : this.#failure(error);
    }
    if (this.#closed) return DONE;
    if (!result.done) return this.#deliver(result.value);
    const { observer } = this.#options;
    if (observer.completed) this.#end({ outcome: "ok" });
    else if (observer.error)
      this.#end({ outcome: "failed", reason: "midstream", message: observer.error.message });
    else return this.#fail("midstream", "api_error", "the upstream stream ended before message_stop");
    return DONE;
  }

  async cancel(reason?: unknown): Promise<void> {
    if (this.#closed) return;
    this.#options.reader.cancel(reason).catch(() => {});
    this.#end({ outcome: "aborted" });
  }

  #deliver(chunk: Uint8Array): ReadableStreamReadResult<Uint8Array> {
    const { observer } = this.#options;
    observer.observe(chunk);
    if (observer.completed) {
      // Nothing follows message_stop: end the client's stream now, even if the upstream lingers.
      this.#options.reader.cancel().catch(() => {});
      this.#end({ outcome: "ok" });
    }
    return { done: false, value: chunk };
  }

  #failure(error: unknown): ReadableStreamReadResult<Uint8Array> {
    if (this.#options.clientSignal?.aborted) {
      this.#end({ outcome: "aborted" });
      return DONE;
    }
    if (error instanceof ReadDeadlineError)
      return this.#fail(
        "timeout_idle",
        "overloaded_error",
        `the upstream stream was idle for ${error.timeoutMs} ms`,
      );
    if (UpstreamResponseError.isInstance(error)) {
      const type = error.errorType === "overloaded_error" ? "overloaded_error" : "api_error";
      return this.#fail("midstream", type, error.message);
    }
    if (this.#options.signal.aborted)
      return this.#fail("timeout_idle", "api_error", "the upstream request exceeded API_TIMEOUT_MS");
    return this.#fail(
      "midstream",
      "api_error",
      `the upstream connection failed mid-stream: ${describeError(error)}`,
    );
  }

  /** The stream ends with an error frame, unless the upstream's own error frame already went out. */
  #fail(
    reason: FailureReason,
    type: "overloaded_error" | "api_error",
    message: string,
  ): ReadableStreamReadResult<Uint8Array> {
    const sent = this.#options.observer.error !== undefined;
    this.#end({ outcome: "failed", reason, message });
    return sent ? DONE : { done: false, value: errorFrame(type, message) };
  }

  #end(result: RelayEnd): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#upstream.dispose();
    if (result.outcome !== "ok")
      this.#options.abort(new Error(`stream ended: ${result.message ?? result.outcome}`));
    this.#options.release();
    this.#options.onEnd(result);
  }
}
