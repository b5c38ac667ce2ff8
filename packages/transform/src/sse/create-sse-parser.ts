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
  const decode = createUtf8Decoder();
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
    feed: (bytes) => feedText(decode(bytes)),
    end: () => feedText(`${decode()}\n\n`),
  };
}

/**
 * Streaming UTF-8 decoding with the output of one `TextDecoder` in stream
 * mode, at a fraction of the cost: Node decodes a whole buffer on a fast
 * path that it leaves for good once a decoder is asked to stream. A read
 * that ends on an ASCII byte, after one that cut no character, holds no
 * partial character, so decoding it whole is the same as streaming it; only
 * reads that may cut a character go through the streaming decoder. Both
 * ignore BOMs, since a whole decode would strip one at the start of every
 * read: the stream's own leading BOM is stripped here, as TextDecoder does.
 * Called without bytes, ends the stream.
 */
function createUtf8Decoder(): (bytes?: Uint8Array) => string {
  const whole = new TextDecoder("utf-8", { ignoreBOM: true });
  const streaming = new TextDecoder("utf-8", { ignoreBOM: true });
  /** Whether `streaming` may hold the first bytes of a character cut by the last read. */
  let holding = false;
  let atStart = true;

  return (bytes) => {
    let text: string;
    if (bytes === undefined) {
      text = holding ? streaming.decode() : "";
      holding = false;
    } else {
      const last = bytes[bytes.length - 1];
      if (last === undefined) return "";
      if (!holding && last < 0x80) text = whole.decode(bytes);
      else {
        text = streaming.decode(bytes, { stream: true });
        holding = last >= 0x80;
      }
    }
    if (atStart && text !== "") {
      atStart = false;
      if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
    }
    return text;
  };
}
