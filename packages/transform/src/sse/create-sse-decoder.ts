import { createSseParser, type SseParserOptions } from "./create-sse-parser.js";
import type { SseEvent } from "./sse-event.js";

export type SseDecoderOptions = SseParserOptions;

/** Bytes → SSE events as a TransformStream, correct for any split of the input (see createSseParser). */
export function createSseDecoder(options: SseDecoderOptions = {}): TransformStream<Uint8Array, SseEvent> {
  let parser: ReturnType<typeof createSseParser>;
  return new TransformStream<Uint8Array, SseEvent>({
    start(controller) {
      parser = createSseParser((event) => controller.enqueue(event), options);
    },
    transform(chunk) {
      parser.feed(chunk);
    },
    flush() {
      parser.end();
    },
  });
}
