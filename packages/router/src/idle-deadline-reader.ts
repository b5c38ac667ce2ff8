import type { ChunkReader } from "./chunk-reader.js";
import { ReadDeadlineError } from "./read-with-deadline.js";

/**
 * Reads a stream chunk by chunk, each read giving up after `timeoutMs` of silence (no limit when
 * undefined) or when `signal` aborts, rejecting with a {@link ReadDeadlineError} or the signal's
 * reason; on giving up the reader is cancelled, which releases the upstream connection.
 *
 * The same rules as `readWithDeadline`, made cheap for a stream's many reads: one abort listener for
 * the reader's life, and a timer armed only when none is pending (it re-arms itself for whatever is
 * left of the current read's deadline) instead of a promise, a timer and a listener per read.
 */
export class IdleDeadlineReader<T> {
  readonly #reader: ChunkReader<T>;
  readonly #timeoutMs: number | undefined;
  readonly #signal: AbortSignal;
  readonly #onAbort = () => this.#giveUp(this.#signal.reason);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #readStartedAt = 0;
  #reading = false;
  #failed = false;
  #failure: unknown;
  #abandon: ((reason: unknown) => void) | undefined;

  constructor(reader: ChunkReader<T>, timeoutMs: number | undefined, signal: AbortSignal) {
    this.#reader = reader;
    this.#timeoutMs = timeoutMs;
    this.#signal = signal;
    signal.addEventListener("abort", this.#onAbort, { once: true });
  }

  async read(): Promise<ReadableStreamReadResult<T>> {
    if (this.#signal.aborted) this.#giveUp(this.#signal.reason);
    if (this.#failed) throw this.#failure;
    if (this.#timeoutMs !== undefined) {
      this.#readStartedAt = performance.now();
      if (this.#timer === undefined) this.#arm(this.#timeoutMs);
    }
    this.#reading = true;
    try {
      // Giving up settles this read at once: a cancelled web reader would settle it as done, but an async
      // iterator runs `return()` only after its pending `next()`, which an idle upstream never settles.
      const result = await new Promise<ReadableStreamReadResult<T>>((resolve, reject) => {
        this.#abandon = reject;
        this.#reader.read().then(resolve, reject);
      });
      if (this.#failed) throw this.#failure;
      return result;
    } catch (error) {
      if (this.#failed) throw this.#failure;
      throw error;
    } finally {
      this.#reading = false;
      this.#abandon = undefined;
    }
  }

  /** Drops the timer and the abort listener; call once the stream has ended. */
  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#signal.removeEventListener("abort", this.#onAbort);
  }

  #arm(delayMs: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#reading || this.#timeoutMs === undefined) return;
      const left = this.#readStartedAt + this.#timeoutMs - performance.now();
      if (left > 0) this.#arm(left);
      else this.#giveUp(new ReadDeadlineError(this.#timeoutMs));
    }, delayMs);
  }

  #giveUp(reason: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#failure = reason;
    this.dispose();
    this.#reader.cancel(reason).catch(() => {});
    this.#abandon?.(reason);
  }
}
