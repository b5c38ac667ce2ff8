import type { Readable } from "node:stream";
import type { ChunkReader } from "@ccr/router";

const DONE: ReadableStreamReadResult<Uint8Array> = { done: true, value: undefined };

/**
 * A {@link ChunkReader} over a Node stream (undici's response body), reading it in paused mode. Node's
 * async iterator or `Readable.toWeb` would do, at a cost: building either, and an AbortError with its stack
 * trace each time a body is dropped, cost more per short stream than translating it.
 */
export class NodeBodyReader implements ChunkReader {
  readonly #body: Readable;
  #ended = false;
  #cancelled = false;
  #failure: unknown;
  #waiting:
    | { resolve: (result: ReadableStreamReadResult<Uint8Array>) => void; reject: (error: unknown) => void }
    | undefined;

  constructor(body: Readable) {
    this.#body = body;
    body.on("readable", () => this.#wake());
    body.once("end", () => this.#finish());
    body.once("error", (error) => this.#fail(error));
    body.once("close", () => {
      if (!this.#ended) this.#fail(new Error("the upstream body closed before it ended"));
    });
  }

  read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    if (this.#cancelled) return Promise.resolve(DONE);
    const chunk = this.#body.read() as Buffer | null;
    if (chunk !== null) return Promise.resolve({ done: false, value: chunk });
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    if (this.#ended) return Promise.resolve(DONE);
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  /**
   * Drops the rest of the body. One that has arrived whole is read to its end, which keeps its connection in
   * the pool without an abort; one still arriving a tick later (an upstream that lingers after its last event) is destroyed,
   * which aborts its request.
   */
  async cancel(): Promise<void> {
    // Both the translation (at its end) and the relay (at message_stop) cancel a finished body.
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.#settle(DONE);
    if (this.#ended || this.#body.destroyed) return;
    // Reading what is buffered past the end of a complete body has Node emit its `end`.
    while (this.#body.read() !== null);
    setImmediate(() => {
      if (!this.#ended) this.#body.destroy();
    });
  }

  #wake(): void {
    if (!this.#waiting) return;
    const chunk = this.#body.read() as Buffer | null;
    if (chunk !== null) this.#settle({ done: false, value: chunk });
  }

  #finish(): void {
    this.#ended = true;
    this.#settle(DONE);
  }

  #fail(error: unknown): void {
    if (this.#ended || this.#failure !== undefined) return;
    this.#failure = error;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.reject(error);
  }

  #settle(result: ReadableStreamReadResult<Uint8Array>): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.resolve(result);
  }
}
