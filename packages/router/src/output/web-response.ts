import type { AbortSignalLike } from "../abort-signal-like.js";
import type { ServeResult } from "../cascade/cascade.js";
import type { RouterResponse } from "../types.js";
import type { ResponseSink } from "./response-sink.js";

const encoder = new TextEncoder();

/**
 * The web edge of the router, for callers that want the answer as a `Response`-like object: a sink that
 * keeps a JSON answer as it is and turns a stream into a ReadableStream, read at the client's pace
 * (`write` says when to wait, and the stream's pull says when to go on). Cancelling the stream aborts
 * `controller`, which the caller passes to the router as the request's signal.
 */
export async function serveAsResponse(
  serve: (sink: ResponseSink, signal: AbortSignal) => Promise<ServeResult>,
  signal: AbortSignalLike | undefined,
): Promise<RouterResponse> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener("abort", onAbort, { once: true });

  let head: { status: number; headers: Record<string, string>; body: unknown } | undefined;
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  let drained: (() => void) | undefined;
  let ended = false;
  const sink: ResponseSink = {
    json(status, headers, body) {
      head = { status, headers, body };
    },
    start(status, headers) {
      const body = new ReadableStream<Uint8Array>(
        {
          start(streamController) {
            stream = streamController;
          },
          pull() {
            const resume = drained;
            drained = undefined;
            resume?.();
          },
          cancel(reason) {
            ended = true;
            controller.abort(reason ?? new Error("the stream's reader cancelled it"));
          },
        },
        { highWaterMark: 0 },
      );
      head = { status, headers, body };
    },
    write(text) {
      if (ended || text === "") return true;
      stream!.enqueue(encoder.encode(text));
      return (stream!.desiredSize ?? 0) > 0;
    },
    end(text) {
      if (ended) return;
      ended = true;
      if (text !== "") stream!.enqueue(encoder.encode(text));
      stream!.close();
      signal?.removeEventListener("abort", onAbort);
    },
    onDrain(resume) {
      drained = resume;
    },
  };
  const result = await serve(sink, controller.signal);
  if (!result.stream) signal?.removeEventListener("abort", onAbort);
  const answer = head!;
  return {
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
    stream: result.stream,
    tier: result.tier,
    attempts: result.attempts,
  };
}
