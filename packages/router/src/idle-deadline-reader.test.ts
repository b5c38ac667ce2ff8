import { describe, expect, it } from "vitest";
import { IdleDeadlineReader } from "./idle-deadline-reader.js";
import { ReadDeadlineError } from "./read-with-deadline.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stream whose chunks arrive `delays[i]` ms after they are asked for; records its cancellation. */
function slowStream(delays: number[]) {
  const state: { cancelled?: unknown } = {};
  let index = 0;
  const stream = new ReadableStream<string>(
    {
      async pull(controller) {
        if (index >= delays.length) return controller.close();
        await sleep(delays[index]!);
        controller.enqueue(`chunk ${index++}`);
      },
      cancel(reason) {
        state.cancelled = reason;
      },
    },
    { highWaterMark: 0 },
  );
  return { reader: stream.getReader(), state };
}

describe("IdleDeadlineReader", () => {
  it("reads every chunk when each arrives within the deadline, however long the whole stream takes", async () => {
    const { reader } = slowStream([15, 15, 15, 15]);
    const upstream = new IdleDeadlineReader(reader, 40, new AbortController().signal);
    const values: string[] = [];
    for (;;) {
      const result = await upstream.read();
      if (result.done) break;
      values.push(result.value);
    }
    upstream.dispose();
    expect(values).toEqual(["chunk 0", "chunk 1", "chunk 2", "chunk 3"]);
  });

  it("does not count the time between reads against the deadline", async () => {
    const { reader } = slowStream([0, 0]);
    const upstream = new IdleDeadlineReader(reader, 20, new AbortController().signal);
    expect((await upstream.read()).value).toBe("chunk 0");
    await sleep(50);
    expect((await upstream.read()).value).toBe("chunk 1");
    upstream.dispose();
  });

  it("rejects with ReadDeadlineError and cancels the reader when one read waits too long", async () => {
    const { reader, state } = slowStream([0, 200]);
    const upstream = new IdleDeadlineReader(reader, 30, new AbortController().signal);
    await upstream.read();
    const error = await upstream.read().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReadDeadlineError);
    expect((error as ReadDeadlineError).timeoutMs).toBe(30);
    expect(state.cancelled).toBe(error);
    await expect(upstream.read()).rejects.toBe(error);
  });

  it("rejects with the signal's reason and cancels the reader when the signal aborts mid-read", async () => {
    const { reader, state } = slowStream([200]);
    const controller = new AbortController();
    const upstream = new IdleDeadlineReader(reader, undefined, controller.signal);
    const read = upstream.read();
    const reason = new Error("client went away");
    controller.abort(reason);
    await expect(read).rejects.toBe(reason);
    expect(state.cancelled).toBe(reason);
  });

  it("rejects at once when the signal has already aborted", async () => {
    const { reader, state } = slowStream([0]);
    const upstream = new IdleDeadlineReader(reader, 1000, AbortSignal.abort("gone"));
    await expect(upstream.read()).rejects.toBe("gone");
    expect(state.cancelled).toBe("gone");
  });

  it("gives up on time even when cancelling the source does not settle the pending read", async () => {
    // An async iterator over a Node stream runs return() only after its pending next() settles.
    let cancelled: unknown;
    const never = {
      read: () => new Promise<ReadableStreamReadResult<Uint8Array>>(() => {}),
      cancel: async (reason?: unknown) => {
        cancelled = reason;
      },
    };
    const controller = new AbortController();
    const upstream = new IdleDeadlineReader(never, 30, controller.signal);
    const start = performance.now();
    await expect(upstream.read()).rejects.toBeInstanceOf(ReadDeadlineError);
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(cancelled).toBeInstanceOf(ReadDeadlineError);

    const aborted = new IdleDeadlineReader(never, undefined, controller.signal);
    const pending = aborted.read();
    controller.abort(new Error("client gone"));
    await expect(pending).rejects.toThrow("client gone");
  });
});
