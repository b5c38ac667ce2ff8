import { toAnthropicErrorBody } from "../../errors/to-anthropic-error-body.js";
import { formatSseEvent } from "../../sse/encode-sse-event.js";
import type { StreamEncoder } from "../../stream/stream-encoder.js";
import type { AnthropicStreamEvent } from "../../types/anthropic.js";

/** Canonical events as Anthropic SSE: the identity encoder, writing an event that passes unchanged as it came. */
export function anthropicSseEncoder(): StreamEncoder {
  let output = "";
  return {
    event(event, raw) {
      output += raw === undefined ? sseFrame(event) : formatSseEvent(event.type, raw);
    },
    error(error, raw) {
      output += formatSseEvent(
        "error",
        raw ?? JSON.stringify(toAnthropicErrorBody(error.status, error.message)),
      );
    },
    take() {
      const text = output;
      output = "";
      return text;
    },
  };
}

/**
 * `formatSseEvent(event.type, JSON.stringify(event))`, byte for byte but cheaper, as this runs for every
 * output event: JSON.stringify never writes a raw line break, so the data is always one line, and the deltas
 * that make up most of a reply are written around their one string (in the key order the stream builder gives
 * them) instead of stringified as a whole object.
 */
export function sseFrame(event: AnthropicStreamEvent): string {
  if (event.type === "content_block_delta") {
    const delta = event.delta;
    switch (delta.type) {
      case "text_delta":
        return deltaFrame(event.index, '"text_delta","text"', delta.text);
      case "thinking_delta":
        return deltaFrame(event.index, '"thinking_delta","thinking"', delta.thinking);
      case "input_json_delta":
        return deltaFrame(event.index, '"input_json_delta","partial_json"', delta.partial_json);
    }
  }
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

function deltaFrame(index: number, typeAndKey: string, value: string): string {
  return `event: content_block_delta\ndata: {"type":"content_block_delta","index":${index},"delta":{"type":${typeAndKey}:${JSON.stringify(value)}}}\n\n`;
}
