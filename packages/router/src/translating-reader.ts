import type { StreamTranslation } from "@ccr/transform";
import type { ChunkReader } from "./chunk-reader.js";

const encoder = new TextEncoder();

/**
 * An upstream body read through a synchronous stream translation: each read gives the Anthropic SSE that
 * the next upstream chunks complete. A failure before any output rejects the read with the translation's
 * UpstreamResponseError, as the translating TransformStream would. Once the translation is done the
 * upstream is cancelled, so one that keeps its connection open after `[DONE]` cannot hold the stream.
 */
export class TranslatingReader implements ChunkReader {
  readonly #source: ChunkReader;
  readonly #translation: StreamTranslation;
  #ended = false;

  constructor(source: ChunkReader, translation: StreamTranslation) {
    this.#source = source;
    this.#translation = translation;
  }

  async read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    for (;;) {
      if (this.#ended || this.#translation.done) return { done: true, value: undefined };
      const chunk = await this.#source.read();
      let text: string;
      if (chunk.done) {
        this.#ended = true;
        text = this.#translation.end();
      } else {
        text = this.#translation.push(chunk.value);
        if (this.#translation.done) this.#source.cancel().catch(() => {});
      }
      if (text !== "") return { done: false, value: encoder.encode(text) };
    }
  }

  cancel(reason?: unknown): Promise<void> {
    this.#ended = true;
    return this.#source.cancel(reason);
  }
}
