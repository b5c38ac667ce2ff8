import { streamEndedError } from "../errors/stream-ended-error.js";
import { translationFailure } from "../errors/translation-failure.js";
import type { UpstreamResponseError } from "../errors/upstream-response-error.js";
import type { AnthropicMessage, AnthropicStreamEvent, AnthropicUsage } from "../types/anthropic.js";
import { messageEvents } from "./message-events.js";
import type { CanonicalEvents, StreamDecoder } from "./stream-decoder.js";
import type { StreamEncoder } from "./stream-encoder.js";
import type { StreamFacts } from "./stream-facts.js";
import { type TokenUsage, tokenUsage } from "./token-usage.js";

/**
 * The one stream API: an upstream's answer translated for the client as plain synchronous steps, bytes in,
 * the client's text out, with what is known about the answer in `facts`. What one `push` completes is
 * translated before it returns, so the caller (the router) writes each upstream chunk on as it arrives,
 * with no stream plumbing in between.
 *
 * Failures never throw: they land in `facts.error`. Before `facts.content` nothing was written for them (the
 * caller may still try another upstream); after it, the output ends with an error frame in the client's
 * protocol.
 */
export interface StreamTranslation {
  readonly facts: StreamFacts;
  /** The answer completed or failed: nothing more will come, and the rest of the upstream body can go. */
  readonly done: boolean;
  /** Translates what these bytes complete; "" when they complete nothing yet. */
  push(bytes: Uint8Array): string;
  /** The upstream body ended: whatever is left, ending the message or reporting it cut short. */
  end(): string;
  /**
   * The caller ends the answer with a failure of its own (an idle upstream, a lost connection, a timeout):
   * the error frame in the client's protocol once content began; "" when already done.
   */
  fail(error: UpstreamResponseError): string;
  /** A complete answer that came whole (an upstream that ignored `stream: true`), as the client's stream. */
  whole(message: AnthropicMessage): string;
}

/** A StreamTranslation from an upstream protocol's decoder and the client protocol's encoder. */
export function translateStream(
  createDecoder: (events: CanonicalEvents) => StreamDecoder,
  encoder: StreamEncoder,
): StreamTranslation {
  const translation = new Translation(encoder);
  translation.decoder = createDecoder(translation.events);
  return translation;
}

/** Watches the canonical events on their way to the encoder: the facts are read off them, never off bytes. */
class Translation implements StreamTranslation, StreamFacts {
  decoder!: StreamDecoder;
  readonly events: CanonicalEvents = {
    event: (event, raw) => this.#event(event, raw),
    error: (error, raw) => this.#fail(error, raw),
  };
  readonly #encoder: StreamEncoder;
  started = false;
  content = false;
  completed = false;
  error: UpstreamResponseError | undefined = undefined;
  stopReason: string | undefined = undefined;
  #usage: Partial<AnthropicUsage> | undefined;

  constructor(encoder: StreamEncoder) {
    this.#encoder = encoder;
  }

  get facts(): StreamFacts {
    return this;
  }

  get done(): boolean {
    return this.completed || this.error !== undefined;
  }

  get usage(): TokenUsage | undefined {
    return tokenUsage(this.#usage);
  }

  push(bytes: Uint8Array): string {
    if (this.done) return "";
    try {
      this.decoder.push(bytes);
    } catch (error) {
      this.#failed(error);
    }
    return this.#encoder.take();
  }

  end(): string {
    if (this.done) return "";
    try {
      this.decoder.end();
    } catch (error) {
      this.#failed(error);
    }
    // A decoder ends the message or reports it cut; one that did neither still must not pass for complete.
    if (!this.done) this.#fail(streamEndedError(this.started));
    return this.#encoder.take();
  }

  fail(error: UpstreamResponseError): string {
    if (this.done) return "";
    this.#fail(error);
    return this.#encoder.take();
  }

  whole(message: AnthropicMessage): string {
    for (const event of messageEvents(message)) this.#event(event);
    return this.#encoder.take();
  }

  #event(event: AnthropicStreamEvent, raw?: string): void {
    if (this.done) return;
    switch (event.type) {
      case "content_block_delta":
      case "content_block_stop":
        break;
      case "message_start":
        this.started = true;
        this.#usage = event.message.usage;
        break;
      case "ping":
        break;
      case "message_delta":
        this.content = true;
        if (event.delta.stop_reason) this.stopReason = event.delta.stop_reason;
        if (event.usage) this.#usage = mergeUsage(this.#usage, event.usage);
        break;
      case "message_stop":
        this.content = true;
        this.completed = true;
        break;
      default:
        this.content = true;
    }
    this.#encoder.event(event, raw);
  }

  #fail(error: UpstreamResponseError, raw?: string): void {
    if (this.done) return;
    this.error = error;
    // Before content the client has seen nothing of this answer: the caller may still try elsewhere.
    if (this.content) this.#encoder.error(error, raw);
  }

  /**
   * A failure inside translation (an oversized event, a transformer's hook throwing) still ends the answer
   * cleanly, as a failure of the answer rather than an exception in the caller's loop.
   */
  #failed(error: unknown): void {
    this.#fail(translationFailure(error));
  }
}

/** message_delta's usage updates message_start's: only the counts it carries. */
function mergeUsage(
  current: Partial<AnthropicUsage> | undefined,
  update: Partial<AnthropicUsage>,
): Partial<AnthropicUsage> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(update))
    if (value !== null && value !== undefined) merged[key] = value;
  return merged as Partial<AnthropicUsage>;
}
