import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Activity } from "../server/track-activity.js";

export interface IdleHeapOptions {
  /** How often activity is checked; the heap is released after one whole quiet interval. Default 1 s. */
  readonly intervalMs?: number;
  /** Committed but unused heap from which a collection is worth it. Default 32 MiB. */
  readonly minUnusedBytes?: number;
  /**
   * Heap in use beyond what the last collection left, from which a collection is worth it: mostly the
   * burst's garbage, which V8 has not collected yet. Default 16 MiB.
   */
  readonly minGrowthBytes?: number;
  /** A full collection; default: V8's own, exposed at run time. */
  readonly gc?: () => void;
  readonly heapStatistics?: () => { total_heap_size: number; used_heap_size: number };
}

/**
 * After a burst of requests, one full collection once the proxy is idle gives the OS back the heap V8 grew
 * for the burst. V8 would keep it until its memory reducer runs, 8 s or more after the load stops, and a
 * proxy that sits beside an editor all day should not hold a burst's peak for that long. Nothing runs while
 * a request or stream is in flight, and nothing runs twice for one burst.
 *
 * @returns stops the checks (they never keep the process alive).
 */
export function releaseHeapWhenIdle(activity: () => Activity, options: IdleHeapOptions = {}): () => void {
  const gc = options.gc ?? exposeGc();
  if (!gc) return () => {};
  const minUnusedBytes = options.minUnusedBytes ?? 32 * 1024 * 1024;
  const minGrowthBytes = options.minGrowthBytes ?? 16 * 1024 * 1024;
  const heapStatistics = options.heapStatistics ?? getHeapStatistics;
  let liveBytes = heapStatistics().used_heap_size;
  let seen = activity().served;
  let burst = false;
  const timer = setInterval(() => {
    const now = activity();
    if (now.served !== seen) {
      seen = now.served;
      burst = true;
      return;
    }
    if (!burst || now.inFlight > 0) return;
    burst = false;
    const heap = heapStatistics();
    const unused = heap.total_heap_size - heap.used_heap_size;
    if (unused < minUnusedBytes && heap.used_heap_size - liveBytes < minGrowthBytes) return;
    gc();
    liveBytes = heapStatistics().used_heap_size;
  }, options.intervalMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * V8's `gc()`, which Node exposes only under `--expose-gc`: set at run time, the flag holds for contexts
 * made after it, so one new context hands the function over, and the flag is turned off again.
 */
function exposeGc(): (() => void) | undefined {
  const gc = (globalThis as { gc?: unknown }).gc ?? runInContextWithGc();
  if (typeof gc !== "function") return undefined;
  return gc as () => void;
}

function runInContextWithGc(): unknown {
  setFlagsFromString("--expose-gc");
  try {
    return runInNewContext("gc");
  } catch {
    return undefined;
  } finally {
    setFlagsFromString("--no-expose-gc");
  }
}
