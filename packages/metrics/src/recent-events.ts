import type { FallbackEvent } from "./metrics-sink.js";
import { RingLog } from "./ring-log.js";
import type { RecentEvent } from "./stats-snapshot.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The recent fallbacks and failures shown by `ccr status` and the dashboard: a bounded log, each entry with
 * a stable sequence number. Skips (`cooling` / `circuit_open` fallbacks) between the same tiers add to one
 * entry until the next real failure or fallback: while a tier cools down every request skips it, and
 * those skips must not flood the log.
 */
export class RecentEvents {
  private readonly log: RingLog<Mutable<RecentEvent>>;
  private seq = 0;
  /** Skips logged since the last real failure or fallback, by from/to/reason. */
  private readonly skipRuns = new Map<string, Mutable<RecentEvent>>();

  constructor(capacity: number) {
    this.log = new RingLog(capacity);
  }

  failure(
    at: number,
    requestId: string,
    from: string,
    reason: string,
    status: number | undefined,
    key?: string,
  ): void {
    this.skipRuns.clear();
    this.log.push({
      seq: this.seq++,
      at,
      kind: "failure",
      requestId,
      from,
      ...(key !== undefined && { key }),
      reason,
      ...(status !== undefined && { status }),
      count: 1,
    });
  }

  fallback(at: number, event: FallbackEvent): void {
    const isSkip = event.reason === "cooling" || event.reason === "circuit_open";
    const skipKey = isSkip ? `${event.from.tier}\n${event.to.tier}\n${event.reason}` : undefined;
    const run = skipKey === undefined ? undefined : this.skipRuns.get(skipKey);
    if (run !== undefined) {
      run.count++;
      return;
    }
    const entry: Mutable<RecentEvent> = {
      seq: this.seq++,
      at,
      kind: "fallback",
      requestId: event.requestId,
      from: event.from.tier,
      to: event.to.tier,
      reason: event.reason,
      count: 1,
    };
    this.log.push(entry);
    if (skipKey === undefined) this.skipRuns.clear();
    else this.skipRuns.set(skipKey, entry);
  }

  /** Oldest first, copies (a later skip must not change a snapshot already taken). */
  toArray(): RecentEvent[] {
    return this.log.toArray().map((event) => ({ ...event }));
  }
}
