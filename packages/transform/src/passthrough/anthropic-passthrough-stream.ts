import { toAnthropicErrorBody } from "../errors/to-anthropic-error-body.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { createSseParser } from "../sse/create-sse-parser.js";
import { encodeSseEvent } from "../sse/encode-sse-event.js";
import type { SseEvent } from "../sse/sse-event.js";
import { terminateQuietly } from "../terminate-quietly.js";
import { upstreamAnthropicError } from "./upstream-anthropic-error.js";

/** How much of a non-SSE reply is kept to explain a failed stream. */
const MAX_NOISE_CHARS = 2000;

/**
 * An Anthropic-compatible upstream's SSE stream, passed through event by
 * event. Only `message_start` is parsed (to echo the model name the client
 * asked for); every other event is re-framed with its data untouched.
 *
 * Like the OpenAI path: an error as the first event (or a stream that ends
 * before any event) errors the output with UpstreamResponseError, so the
 * router can cascade; an error later is passed on as the Anthropic
 * `event: error` it already is; a stream cut before `message_stop` ends with
 * an `event: error` frame instead of passing for a complete reply.
 */
export function anthropicPassthroughStream(requestedModel: string): TransformStream<Uint8Array, Uint8Array> {
  let controller!: TransformStreamDefaultController<Uint8Array>;
  let started = false;
  let stopped = false;
  let closed = false;
  let noise = "";

  const fail = (error: UpstreamResponseError) => {
    if (closed) return;
    closed = true;
    if (!started) return controller.error(error);
    controller.enqueue(
      encodeSseEvent("error", JSON.stringify(toAnthropicErrorBody(error.status, error.message))),
    );
    terminateQuietly(controller);
  };

  const onEvent = (event: SseEvent) => {
    if (closed) return;
    const type = event.event ?? typeOf(event.data);
    if (type === "error") {
      if (!started) return fail(upstreamAnthropicError(parse(event.data)));
      controller.enqueue(encodeSseEvent("error", event.data));
      closed = true;
      terminateQuietly(controller);
      return;
    }
    if (type === "ping" && !started) return;
    if (type === "message_start") {
      const parsed = parse(event.data) as { message?: Record<string, unknown> } | undefined;
      if (parsed?.message) {
        started = true;
        controller.enqueue(
          encodeSseEvent(
            type,
            JSON.stringify({ ...parsed, message: { ...parsed.message, model: requestedModel } }),
          ),
        );
        return;
      }
    }
    if (!started) {
      if (noise.length < MAX_NOISE_CHARS) noise += event.data.slice(0, MAX_NOISE_CHARS);
      return;
    }
    if (type === "message_stop") stopped = true;
    controller.enqueue(encodeSseEvent(type, event.data));
  };

  let parser!: ReturnType<typeof createSseParser>;
  return new TransformStream<Uint8Array, Uint8Array>({
    start(c) {
      controller = c;
      parser = createSseParser(onEvent, {
        onInvalidLine(line) {
          if (noise.length < MAX_NOISE_CHARS) noise += line.slice(0, MAX_NOISE_CHARS);
        },
      });
    },
    transform(bytes) {
      if (closed) return;
      try {
        parser.feed(bytes);
      } catch (error) {
        if (UpstreamResponseError.isInstance(error)) fail(error);
        else throw error;
      }
    },
    flush() {
      if (closed) return;
      parser.end();
      if (closed) return;
      if (stopped) {
        closed = true;
        return;
      }
      if (!started && noise !== "") {
        const body = parse(noise);
        return fail(
          body === undefined
            ? new UpstreamResponseError({ status: 502, message: `upstream error: ${noise.slice(0, 500)}` })
            : upstreamAnthropicError(body),
        );
      }
      fail(
        new UpstreamResponseError({
          status: 502,
          message: started
            ? "upstream stream ended unexpectedly"
            : "upstream stream ended before sending any data",
        }),
      );
    },
  });
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** Events without an `event:` line name themselves in their data. */
function typeOf(data: string): string | undefined {
  const parsed = parse(data);
  return typeof parsed === "object" &&
    parsed !== null &&
    typeof (parsed as { type?: unknown }).type === "string"
    ? (parsed as { type: string }).type
    : undefined;
}
