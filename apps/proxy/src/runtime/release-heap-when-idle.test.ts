import { afterEach, describe, expect, it, vi } from "vitest";
import type { Activity } from "../server/track-activity.js";
import { releaseHeapWhenIdle } from "./release-heap-when-idle.js";

const MiB = 1024 * 1024;

afterEach(() => {
  vi.useRealTimers();
});

/** A heap of `total` MiB committed with `used` in use, which a collection brings back to `live`. */
function setup(heap = { total: 100, used: 36, live: 30 }) {
  vi.useFakeTimers();
  let activity: Activity = { served: 0, inFlight: 0 };
  let used = heap.live;
  const gc = vi.fn(() => {
    used = heap.live;
  });
  const stop = releaseHeapWhenIdle(() => activity, {
    gc,
    intervalMs: 1000,
    minUnusedBytes: 32 * MiB,
    minGrowthBytes: 16 * MiB,
    heapStatistics: () => ({ total_heap_size: heap.total * MiB, used_heap_size: used * MiB }),
  });
  return {
    gc,
    stop,
    set: (next: Activity) => {
      activity = next;
      used = heap.used;
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

  it("collects a heap that is mostly garbage even when little of it is unused", () => {
    const { gc, set } = setup({ total: 82, used: 70, live: 30 });
    set({ served: 40, inFlight: 0 });
    vi.advanceTimersByTime(2_000);
    expect(gc).toHaveBeenCalledTimes(1);
  });

  it("does not collect after a burst that left little behind, and stops when asked", () => {
    const small = setup({ total: 40, used: 36, live: 30 });
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
