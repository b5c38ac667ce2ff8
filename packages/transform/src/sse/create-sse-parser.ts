import { createParser } from "eventsource-parser";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import type { SseEvent } from "./sse-event.js";

export type SseParserOptions = {
  /**
   * Called with each line that is not SSE at all, such as a JSON error body
   * some upstreams send with an event-stream content type, so the caller
   * can still report what the upstream said.
   */
  onInvalidLine?: (line: string) => void;
  /** Largest event or line, in characters, before parsing fails instead of buffering forever. Default 16 Mi. */
  maxBufferSize?: number;
};

export type SseParser = {
  /** Feed the next bytes; complete events are passed to `onEvent` before this returns. */
  feed(bytes: Uint8Array): void;
  /** End of input: delivers an unterminated last event, since some upstreams omit the final blank line. */
  end(): void;
};

const DEFAULT_MAX_BUFFER_SIZE = 16 * 1024 * 1024;

/**
 * Bytes → SSE events, correct for any split of the input: UTF-8 characters
 * cut between chunks are held back by a streaming TextDecoder (what
 * TextDecoderStream does), lines and events cut between chunks by the parser.
 * Synchronous, so a stream translator can emit its output in the same tick.
 */
export function createSseParser(
  onEvent: (event: SseEvent) => void,
  options: SseParserOptions = {},
): SseParser {
  const decoder = new TextDecoder("utf-8");
  const maxBufferSize = options.maxBufferSize ?? DEFAULT_MAX_BUFFER_SIZE;
  let overflow: UpstreamResponseError | undefined;

  const parser = createParser({
    maxBufferSize,
    onEvent(message) {
      const event: SseEvent = { data: message.data };
      if (message.event !== undefined) event.event = message.event;
      if (message.id !== undefined) event.id = message.id;
      onEvent(event);
    },
    onError(error) {
      if (error.type === "max-buffer-size-exceeded") {
        overflow = new UpstreamResponseError({
          status: 502,
          message: `upstream stream sent an event larger than ${maxBufferSize} characters`,
        });
      } else if (error.type === "unknown-field" && error.line !== undefined) {
        options.onInvalidLine?.(error.line);
      }
    },
  });

  const feedText = (text: string) => {
    if (text === "") return;
    parser.feed(text);
    if (overflow) throw overflow;
  };

  return {
    feed: (bytes) => feedText(decoder.decode(bytes, { stream: true })),
    end: () => feedText(`${decoder.decode()}\n\n`),
  };
}
