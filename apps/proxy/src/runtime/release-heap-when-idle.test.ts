import { afterEach, describe, expect, it, vi } from "vitest";
import type { Activity } from "../server/track-activity.js";
import { releaseHeapWhenIdle } from "./release-heap-when-idle.js";

const MiB = 1024 * 1024;

afterEach(() => {
  vi.useRealTimers();
});

function setup(unusedBytes = 64 * MiB) {
  vi.useFakeTimers();
  let activity: Activity = { served: 0, inFlight: 0 };
  const gc = vi.fn();
  const stop = releaseHeapWhenIdle(() => activity, {
    gc,
    intervalMs: 1000,
    minUnusedBytes: 32 * MiB,
    heapStatistics: () => ({ total_heap_size: 100 * MiB, used_heap_size: 100 * MiB - unusedBytes }),
  });
  return {
    gc,
    stop,
    set: (next: Activity) => {
      activity = next;
    },
  };
}

describe("releaseHeapWhenIdle", () => {
  it("collects once after a burst, after one quiet interval with nothing in flight", () => {
    const { gc, set } = setup();
    vi.advanceTimersByTime(5_000);
    expect(gc).not.toHaveBeenCalled();

    set({ served: 500, inFlight: 32 });
    vi.advanceTimersByTime(1_000);
    set({ served: 900, inFlight: 3 });
    vi.advanceTimersByTime(1_000);
    expect(gc).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1_000); // no new request, but three streams still running
    expect(gc).not.toHaveBeenCalled();
    set({ served: 900, inFlight: 0 });
    vi.advanceTimersByTime(1_000);
    expect(gc).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(gc).toHaveBeenCalledTimes(1);
  });

  it("does not collect when the heap holds little unused memory, and stops when asked", () => {
    const small = setup(8 * MiB);
    small.set({ served: 10, inFlight: 0 });
    vi.advanceTimersByTime(3_000);
    expect(small.gc).not.toHaveBeenCalled();
    small.stop();

    const stopped = setup();
    stopped.stop();
    stopped.set({ served: 10, inFlight: 0 });
    vi.advanceTimersByTime(3_000);
    expect(stopped.gc).not.toHaveBeenCalled();
  });

  it("uses V8's own collector when none is given, which frees what a burst left", async () => {
    vi.useRealTimers();
    let activity: Activity = { served: 0, inFlight: 0 };
    let collected = false;
    const registry = new FinalizationRegistry(() => {
      collected = true;
    });
    // What a burst leaves: garbage nothing refers to any more.
    (() => {
      const burst = Array.from({ length: 100_000 }, (_, i) => ({ i, text: `${i}`.repeat(8) }));
      registry.register(burst, "burst");
    })();
    const stop = releaseHeapWhenIdle(() => activity, { intervalMs: 20, minUnusedBytes: 0 });
    activity = { served: 1, inFlight: 0 };
    for (let waited = 0; !collected && waited < 2_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    expect(collected).toBe(true);
  });
});
