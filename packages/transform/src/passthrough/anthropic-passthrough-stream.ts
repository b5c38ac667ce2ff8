import { streamEndedError } from "../errors/stream-ended-error.js";
import { toAnthropicErrorBody } from "../errors/to-anthropic-error-body.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { createSseParser } from "../sse/create-sse-parser.js";
import { formatSseEvent } from "../sse/encode-sse-event.js";
import type { SseEvent } from "../sse/sse-event.js";
import {
  type StreamTranslation,
  stepwiseTranslation,
  TextOutput,
  translationStream,
} from "../stream/stream-translation.js";
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
  return translationStream(() => anthropicPassthroughTranslation(requestedModel));
}

/** The same passthrough as {@link anthropicPassthroughStream}, as synchronous steps. */
export function anthropicPassthroughTranslation(requestedModel: string): StreamTranslation {
  let started = false;
  let stopped = false;
  let closed = false;
  let noise = "";
  const output = new TextOutput();
  const addNoise = (text: string) => {
    if (noise.length < MAX_NOISE_CHARS) noise += text.slice(0, MAX_NOISE_CHARS);
  };

  const fail = (error: UpstreamResponseError) => {
    if (closed) return;
    closed = true;
    if (!started) throw error;
    output.write(formatSseEvent("error", JSON.stringify(toAnthropicErrorBody(error.status, error.message))));
  };

  const onEvent = (event: SseEvent) => {
    if (closed) return;
    const type = event.event ?? typeOf(event.data);
    if (type === "error") {
      if (!started) return fail(upstreamAnthropicError(parse(event.data)));
      output.write(formatSseEvent("error", event.data));
      closed = true;
      return;
    }
    if (type === "ping" && !started) return;
    if (type === "message_start") {
      const parsed = parse(event.data) as { message?: Record<string, unknown> } | undefined;
      if (parsed?.message) {
        started = true;
        output.write(
          formatSseEvent(
            type,
            JSON.stringify({ ...parsed, message: { ...parsed.message, model: requestedModel } }),
          ),
        );
        return;
      }
    }
    if (!started) return addNoise(event.data);
    if (type === "message_stop") stopped = true;
    output.write(formatSseEvent(type, event.data));
  };

  const parser = createSseParser(onEvent, { onInvalidLine: addNoise });
  return stepwiseTranslation(output, () => closed, {
    push(bytes) {
      try {
        parser.feed(bytes);
      } catch (error) {
        if (!UpstreamResponseError.isInstance(error) || closed) throw error;
        fail(error);
      }
    },
    end() {
      parser.end();
      if (closed || stopped) {
        closed = true;
        return;
      }
      if (!started && noise !== "") {
        const body = parse(noise);
        fail(
          body === undefined
            ? new UpstreamResponseError({ status: 502, message: `upstream error: ${noise.slice(0, 500)}` })
            : upstreamAnthropicError(body),
        );
      } else {
        fail(streamEndedError(started));
      }
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
