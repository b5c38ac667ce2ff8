import { streamEndedError } from "../errors/stream-ended-error.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { anthropicSseEncoder } from "../ingress/anthropic/anthropic-sse-encoder.js";
import { createSseParser } from "../sse/create-sse-parser.js";
import type { SseEvent } from "../sse/sse-event.js";
import type { CanonicalEvents, StreamDecoder } from "../stream/stream-decoder.js";
import { type StreamTranslation, translateStream } from "../stream/stream-translation.js";
import { translationStream } from "../stream/web-streams.js";
import type { AnthropicMessageStartEvent, AnthropicStreamEvent } from "../types/anthropic.js";
import { upstreamAnthropicError } from "./upstream-anthropic-error.js";

/** How much of a non-SSE reply is kept to explain a failed stream. */
const MAX_NOISE_CHARS = 2000;

/**
 * An Anthropic-compatible upstream's SSE stream for an Anthropic client: passed through event by event,
 * each event's data as it came but `message_start`'s, which echoes the model name the client asked for.
 * Failures follow {@link StreamTranslation}: an error as the first event, or a stream that ends before any
 * event, is a failure the router can still cascade on; an error later goes on as the `event: error` it
 * already is; a stream cut before `message_stop` ends with an error frame instead of passing for complete.
 */
export function anthropicPassthroughTranslation(requestedModel: string): StreamTranslation {
  return translateStream((events) => anthropicStreamDecoder(requestedModel, events), anthropicSseEncoder());
}

/** {@link anthropicPassthroughTranslation} as a TransformStream of bytes, for callers that want web streams. */
export function anthropicPassthroughStream(requestedModel: string): TransformStream<Uint8Array, Uint8Array> {
  return translationStream(() => anthropicPassthroughTranslation(requestedModel));
}

/** An Anthropic Messages stream read as canonical events: it already is one, so each event is parsed once. */
export function anthropicStreamDecoder(requestedModel: string, events: CanonicalEvents): StreamDecoder {
  let started = false;
  let closed = false;
  let noise = "";
  const addNoise = (text: string) => {
    if (noise.length < MAX_NOISE_CHARS) noise += text.slice(0, MAX_NOISE_CHARS);
  };
  const fail = (error: UpstreamResponseError, raw?: string) => {
    closed = true;
    events.error(error, raw);
  };

  const onEvent = (sse: SseEvent) => {
    if (closed) return;
    const data = parse(sse.data);
    const type = sse.event ?? typeOf(data);
    if (type === "error") return fail(upstreamAnthropicError(data), started ? sse.data : undefined);
    if (type === "ping") {
      // Keep-alives carry nothing; some upstreams send them with no data at all.
      if (started) events.event({ type: "ping" }, data === undefined ? undefined : sse.data);
      return;
    }
    if (type === "message_start") {
      const start = data as Partial<AnthropicMessageStartEvent> | undefined;
      if (typeof start?.message === "object" && start.message !== null) {
        started = true;
        events.event({
          ...start,
          type,
          message: { ...start.message, model: requestedModel },
        } as AnthropicStreamEvent);
        return;
      }
    }
    if (!started) return addNoise(sse.data);
    if (type === undefined || typeof data !== "object" || data === null) {
      return fail(
        new UpstreamResponseError({
          status: 502,
          message: `upstream sent an event that is not JSON: ${sse.data.slice(0, 200)}`,
        }),
      );
    }
    const event = (data as { type?: unknown }).type === type ? data : { ...(data as object), type };
    events.event(event as AnthropicStreamEvent, sse.data);
    if (type === "message_stop") closed = true;
  };

  const parser = createSseParser(onEvent, { onInvalidLine: addNoise });
  return {
    push(bytes) {
      parser.feed(bytes);
    },
    end() {
      parser.end();
      if (closed) return;
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
  };
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** Events without an `event:` line name themselves in their data. */
function typeOf(data: unknown): string | undefined {
  return typeof data === "object" && data !== null && typeof (data as { type?: unknown }).type === "string"
    ? (data as { type: string }).type
    : undefined;
}
