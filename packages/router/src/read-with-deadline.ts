import type { ChunkReader } from "./chunk-reader.js";
/** The deadline of a {@link readWithDeadline} passed before the stream produced a chunk. */
export class ReadDeadlineError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no upstream event within ${timeoutMs} ms`);
    this.name = "ReadDeadlineError";
  }
}

/**
 * One read from `reader` that gives up after `timeoutMs` (no limit when undefined) or when `signal`
 * aborts, rejecting with a {@link ReadDeadlineError} or the signal's reason. On giving up the reader
 * is cancelled, which releases the upstream connection.
 */
export function readWithDeadline<T>(
  reader: ChunkReader<T>,
  timeoutMs: number | undefined,
  signal: AbortSignal,
): Promise<ReadableStreamReadResult<T>> {
  if (signal.aborted) return giveUp(reader, signal.reason);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = () => {
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
    };
    const fail = (reason: unknown) => {
      if (settled) return;
      finish();
      giveUp(reader, reason).catch(reject);
    };
    const onAbort = () => fail(signal.reason);
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => fail(new ReadDeadlineError(timeoutMs)), timeoutMs);
    signal.addEventListener("abort", onAbort, { once: true });
    reader.read().then(
      (result) => {
        if (settled) return;
        finish();
        resolve(result);
      },
      (error: unknown) => {
        if (settled) return;
        finish();
        reject(error);
      },
    );
  });
}

function giveUp<T>(reader: ChunkReader<T>, reason: unknown): Promise<never> {
  reader.cancel(reason).catch(() => {});
  return Promise.reject(reason);
}
