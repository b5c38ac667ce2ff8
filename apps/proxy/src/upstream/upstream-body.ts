import type { ChunkReader } from "@ccr/router";
import type { Dispatcher } from "undici";

const DONE: ReadableStreamReadResult<Uint8Array> = { done: true, value: undefined };

/** Bytes held unread before the upstream is paused; reading below half of it resumes it. */
const HIGH_WATER_MARK = 64 * 1024;

/** Why a body cancelled before its end aborts its request; nobody reads its stack. */
const CANCELLED = new Error("the upstream body was cancelled");

/**
 * An upstream response body as undici's dispatcher delivers it, queued until read: a {@link ChunkReader}
 * with `text()` and `arrayBuffer()` for a whole answer. It replaces undici's `request` body (a Node
 * Readable per response, plus an async resource and an abort listener), which cost more per short answer
 * than the rest of the upstream call. Slow reading pauses the upstream socket.
 */
export class UpstreamBody implements ChunkReader {
  readonly #controller: Dispatcher.DispatchController;
  readonly #chunks: Buffer[] = [];
  #queued = 0;
  #paused = false;
  #ended = false;
  #cancelled = false;
  #failure: unknown;
  #used = false;
  #waiting:
    | { resolve: (result: ReadableStreamReadResult<Uint8Array>) => void; reject: (error: unknown) => void }
    | undefined;

  constructor(controller: Dispatcher.DispatchController) {
    this.#controller = controller;
  }

  /** True once anything read from it or cancelled it. */
  get used(): boolean {
    return this.#used;
  }

  /** The dispatcher's side: a chunk has arrived. */
  push(chunk: Buffer): void {
    if (this.#cancelled) return;
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = undefined;
      waiting.resolve({ done: false, value: chunk });
      return;
    }
    this.#chunks.push(chunk);
    this.#queued += chunk.byteLength;
    if (this.#queued >= HIGH_WATER_MARK && !this.#paused) {
      this.#paused = true;
      this.#controller.pause();
    }
  }

  /** The dispatcher's side: the body is complete. */
  end(): void {
    this.#ended = true;
    this.#settle(DONE);
  }

  /** The dispatcher's side: the body failed (reset, abort); a pending read rejects with `error`. */
  fail(error: unknown): void {
    if (this.#ended || this.#failure !== undefined) return;
    this.#failure = error;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.reject(error);
  }

  read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    this.#used = true;
    if (this.#cancelled) return Promise.resolve(DONE);
    const chunk = this.#chunks.shift();
    if (chunk !== undefined) {
      this.#queued -= chunk.byteLength;
      if (this.#paused && this.#queued < HIGH_WATER_MARK / 2) {
        this.#paused = false;
        this.#controller.resume();
      }
      return Promise.resolve({ done: false, value: chunk });
    }
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    if (this.#ended) return Promise.resolve(DONE);
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  /**
   * Drops the rest of the body. A body that has arrived whole keeps its connection in the pool; one still
   * arriving a tick later (an upstream that lingers after its last event) is aborted, closing its connection.
   */
  async cancel(): Promise<void> {
    // Both the translation (at its end) and the relay (at message_stop) cancel a finished body.
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.#used = true;
    this.#chunks.length = 0;
    this.#queued = 0;
    this.#settle(DONE);
    if (this.#ended || this.#failure !== undefined) return;
    if (this.#paused) {
      this.#paused = false;
      this.#controller.resume();
    }
    setImmediate(() => {
      if (!this.#ended && this.#failure === undefined) this.#controller.abort(CANCELLED);
    });
  }

  /** The whole body, once it has arrived. */
  async bytes(): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (;;) {
      const { done, value } = await this.read();
      if (done) break;
      parts.push(value as Buffer);
    }
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  }

  async text(): Promise<string> {
    return (await this.bytes()).toString("utf8");
  }

  #settle(result: ReadableStreamReadResult<Uint8Array>): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.resolve(result);
  }
}
