import type { UpstreamResponseError } from "../errors/upstream-response-error.js";
import type { AnthropicStreamEvent } from "../types/anthropic.js";

/** Where a decoder delivers the canonical events it reads out of an upstream's bytes. */
export interface CanonicalEvents {
  /** `raw`: the event's JSON as received, when the event passes unchanged (see StreamEncoder.event). */
  event(event: AnthropicStreamEvent, raw?: string): void;
  /**
   * The upstream's answer failed: an error in the stream, something that is not a stream, a stream cut before
   * its end. Nothing after it counts.
   */
  error(error: UpstreamResponseError, raw?: string): void;
}

/** An upstream protocol's stream, read as canonical events: bytes in, events out to its CanonicalEvents. */
export interface StreamDecoder {
  push(bytes: Uint8Array): void;
  /** The body ended: the decoder ends the message, or reports it cut short. */
  end(): void;
}
