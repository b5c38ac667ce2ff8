import type { FailureReason } from "@ccr/metrics";
import { UpstreamResponseError } from "@ccr/transform";
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
  readonly reader: ReadableStreamDefaultReader<Uint8Array>;
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

/**
 * The client's stream once the first content event has arrived. From here there is no silent
 * retry: an upstream error, an idle upstream, a timeout or a stream that ends without `message_stop`
 * all become one Anthropic `event: error` frame and the end of the stream, so it never looks complete
 * when it is not. Pull-based: the upstream is read only as fast as the client reads.
 */
export function relayStream(options: RelayOptions): ReadableStream<Uint8Array> {
  const { reader, observer } = options;
  const upstream = new IdleDeadlineReader(reader, options.idleTimeoutMs, options.signal);
  let ended = false;
  const end = (result: RelayEnd) => {
    if (ended) return;
    ended = true;
    upstream.dispose();
    if (result.outcome !== "ok")
      options.abort(new Error(`stream ended: ${result.message ?? result.outcome}`));
    options.release();
    options.onEnd(result);
  };
  const fail = (
    controller: ReadableStreamDefaultController<Uint8Array>,
    reason: FailureReason,
    type: "overloaded_error" | "api_error",
    message: string,
  ) => {
    if (!observer.error) controller.enqueue(errorFrame(type, message));
    controller.close();
    end({ outcome: "failed", reason, message });
  };

  const deliver = (controller: ReadableStreamDefaultController<Uint8Array>, chunk: Uint8Array) => {
    observer.observe(chunk);
    controller.enqueue(chunk);
    if (observer.completed) {
      // Nothing follows message_stop: end the client's stream now, even if the upstream lingers.
      controller.close();
      reader.cancel().catch(() => {});
      end({ outcome: "ok" });
    }
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        deliver(controller, options.first);
      },
      async pull(controller) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await upstream.read();
        } catch (error) {
          if (options.clientSignal?.aborted) {
            controller.close();
            end({ outcome: "aborted" });
          } else if (error instanceof ReadDeadlineError) {
            fail(
              controller,
              "timeout_idle",
              "overloaded_error",
              `the upstream stream was idle for ${error.timeoutMs} ms`,
            );
          } else if (UpstreamResponseError.isInstance(error)) {
            const type = error.errorType === "overloaded_error" ? "overloaded_error" : "api_error";
            fail(controller, "midstream", type, error.message);
          } else if (options.signal.aborted) {
            fail(controller, "timeout_idle", "api_error", "the upstream request exceeded API_TIMEOUT_MS");
          } else {
            fail(
              controller,
              "midstream",
              "api_error",
              `the upstream connection failed mid-stream: ${describeError(error)}`,
            );
          }
          return;
        }
        if (result.done) {
          if (observer.completed) {
            controller.close();
            end({ outcome: "ok" });
          } else if (observer.error) {
            controller.close();
            end({ outcome: "failed", reason: "midstream", message: observer.error.message });
          } else {
            fail(controller, "midstream", "api_error", "the upstream stream ended before message_stop");
          }
          return;
        }
        deliver(controller, result.value);
      },
      cancel(reason) {
        reader.cancel(reason).catch(() => {});
        end({ outcome: "aborted" });
      },
    },
    { highWaterMark: 0 },
  );
}
