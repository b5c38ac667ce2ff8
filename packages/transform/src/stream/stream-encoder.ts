import type { UpstreamResponseError } from "../errors/upstream-response-error.js";
import type { AnthropicStreamEvent } from "../types/anthropic.js";

/**
 * Writes the canonical stream (Anthropic Messages events) in a client's protocol. An ingress gives one per
 * answer; it may keep state (block indexes, tool calls being assembled).
 */
export interface StreamEncoder {
  /**
   * One event. `raw` is the event's JSON as an Anthropic upstream sent it, when it passes unchanged: an
   * encoder for Anthropic clients writes it as it came.
   */
  event(event: AnthropicStreamEvent, raw?: string): void;
  /** Ends the client's stream with an error, after output began. `raw` as for `event`. */
  error(error: UpstreamResponseError, raw?: string): void;
  /** What was written since the last call. */
  take(): string;
}
