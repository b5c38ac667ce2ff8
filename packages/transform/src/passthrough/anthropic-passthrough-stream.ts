import { jsonKind, malformedAnswerError } from "../errors/malformed-answer-error.js";
import { streamEndedError } from "../errors/stream-ended-error.js";
import type { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { anthropicSseEncoder } from "../ingress/anthropic/anthropic-sse-encoder.js";
import { createSseParser } from "../sse/create-sse-parser.js";
import type { SseEvent } from "../sse/sse-event.js";
import type { CanonicalEvents, StreamDecoder } from "../stream/stream-decoder.js";
import { type StreamTranslation, translateStream } from "../stream/stream-translation.js";
import { translationStream } from "../stream/web-streams.js";
import { isRecord } from "../transformer/transformer-options.js";
import type { AnthropicStreamEvent } from "../types/anthropic.js";
import { AnthropicEventOrder } from "./anthropic-event-order.js";
import { cleanAnthropicUsage } from "./clean-anthropic-usage.js";
import { upstreamAnthropicError } from "./upstream-anthropic-error.js";

/** How much of a non-SSE reply is kept to explain a failed stream. */
const MAX_NOISE_CHARS = 2000;

/** The events of a message, which cannot come before its message_start. */
const MESSAGE_EVENTS = new Set([
  "content_block_start",
  "content_block_delta",
  "content_block_stop",
  "message_delta",
  "message_stop",
]);

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

/**
 * An Anthropic Messages stream read as canonical events: it already is one, so each event is parsed once
 * and checked against the protocol's order (AnthropicEventOrder), so that what passes is a stream the SDK
 * and Claude Code read whole:
 *
 * - a failure of the answer (cascade before content, an error frame after): an event that is not JSON, a
 *   message event before `message_start` or a second one, `message_start` without a message, and whatever
 *   breaks the order (blocks out of order, a delta for a block that is not open or that does not fit it, a
 *   block or delta of the wrong shape, content after `message_delta` or a second one, a message without a stop reason,
 *   a tool call's input that is no JSON object);
 * - repaired, since nothing is lost: `message_start` without `content` or `usage` gets empty ones, a block
 *   left open when the next one starts or at `message_delta` is stopped, a token count that is missing or is
 *   not a count becomes one (cleanAnthropicUsage);
 * - dropped, as harmless: pings before the message starts, a `content_block_stop` for a block that is not
 *   open, anything after `message_stop`, events of types CCR does not know before the message starts
 *   (forwarded after, as a newer API's events).
 */
export function anthropicStreamDecoder(requestedModel: string, events: CanonicalEvents): StreamDecoder {
  let started = false;
  let closed = false;
  const order = new AnthropicEventOrder((event) => events.event(event));
  let noise = "";
  const addNoise = (text: string) => {
    if (noise.length < MAX_NOISE_CHARS) noise += text.slice(0, MAX_NOISE_CHARS);
  };

  const fail = (error: UpstreamResponseError, raw?: string) => {
    closed = true;
    events.error(error, raw);
  };
  const malformed = (problem: string) => fail(malformedAnswerError(problem));

  const start = (data: Record<string, unknown>) => {
    const message = data.message;
    if (!isRecord(message))
      return malformed(`message_start.message: expected an object, got ${jsonKind(message)}`);
    started = true;
    events.event({
      ...data,
      type: "message_start",
      message: {
        ...message,
        model: requestedModel,
        content: Array.isArray(message.content) ? message.content : [],
        usage: cleanAnthropicUsage(message.usage, ["input_tokens", "output_tokens"]),
      },
    } as AnthropicStreamEvent);
  };

  const onEvent = (sse: SseEvent) => {
    if (closed) return;
    const data = parse(sse.data);
    const type = sse.event ?? typeOf(data);
    if (type === "error") return fail(upstreamAnthropicError(data), started ? sse.data : undefined);
    if (type === "ping") {
      // Keep-alives carry nothing; some upstreams send them with no data at all.
      if (started)
        events.event({ type: "ping" }, isRecord(data) && data.type === "ping" ? sse.data : undefined);
      return;
    }
    if (!started) {
      if (type === "message_start")
        return isRecord(data)
          ? start(data)
          : malformed(`message_start that is not JSON: ${sse.data.slice(0, 200)}`);
      if (type !== undefined && MESSAGE_EVENTS.has(type)) return malformed(`${type} before message_start`);
      return addNoise(sse.data);
    }
    if (type === undefined || !isRecord(data))
      return malformed(`an event that is not a JSON object: ${sse.data.slice(0, 200)}`);
    if (type === "content_block_stop") {
      if (!order.stop(data.index)) return;
    } else {
      const problem = order.admit(type, data);
      if (problem) return malformed(problem);
      if (type === "message_stop") closed = true;
    }
    if (type === "message_delta") {
      const usage = cleanAnthropicUsage(data.usage, ["output_tokens"]);
      if (usage !== data.usage) return events.event({ ...data, type, usage } as AnthropicStreamEvent);
    }
    // An event whose data names another type is written under its event name, never as it came.
    if (data.type === type) events.event(data as AnthropicStreamEvent, sse.data);
    else events.event({ ...data, type } as AnthropicStreamEvent);
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
            ? malformedAnswerError(`not an event stream: ${noise.slice(0, 500)}`)
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
  return isRecord(data) && typeof data.type === "string" ? data.type : undefined;
}
