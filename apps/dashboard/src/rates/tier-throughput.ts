import type { StatsSnapshot } from "@ccr/metrics";

/**
 * Output tokens per second of each tier, over the last minute of wall time, from the cumulative
 * token counters of successive snapshots.
 *
 * The snapshot's own per-tier `outputTokensPerSecond` is an average of per-request speeds measured
 * from the first token to the end of the stream; an upstream that sends its whole answer in one burst
 * (a fake provider, a cached reply) makes that time near zero and the speed absurd (tens of
 * thousands of tok/s). Tokens over wall time cannot exceed what was really delivered, and they add
 * up to the header's total, which the proxy measures the same way.
 */

/** The span rates are measured over, like the header's total. */
export const THROUGHPUT_WINDOW_MS = 60_000;
/** Below this much history a rate would be one request's tokens over a second or two: none is shown. */
export const MIN_SPAN_MS = 3_000;

interface Sample {
  /** The proxy's clock (`generatedAt`). */
  readonly at: number;
  readonly startedAt: number;
  /** Cumulative output tokens by tier id. */
  readonly output: ReadonlyMap<string, number>;
}

/** Oldest first; the first one may be just before the window, as its base. */
export type ThroughputHistory = readonly Sample[];

/** Tokens per second by tier id; `null` while there is too little history to say. */
export type TierRates = ReadonlyMap<string, number | null>;

export const emptyHistory: ThroughputHistory = [];

/** The history with `snapshot` added and samples no longer needed dropped. */
export function addSample(
  history: ThroughputHistory,
  snapshot: StatsSnapshot,
  windowMs = THROUGHPUT_WINDOW_MS,
): ThroughputHistory {
  const sample: Sample = {
    at: snapshot.generatedAt,
    startedAt: snapshot.startedAt,
    output: new Map(snapshot.tiers.map((t) => [t.id, t.tokens.output])),
  };
  const last = history.at(-1);
  if (last === undefined) return [sample];
  if (sample.at <= last.at && sample.startedAt === last.startedAt) return history;
  // Another proxy (restarted) or a gap longer than the window: the old counts say nothing about now.
  const restarted =
    sample.startedAt !== last.startedAt ||
    sample.at - last.at > windowMs ||
    [...sample.output].some(([id, n]) => n < (last.output.get(id) ?? 0));
  if (restarted) return [sample];
  const next = [...history, sample];
  // Keep the newest sample at or before the window's start as the base, so the span covers the window.
  const start = sample.at - windowMs;
  let base = 0;
  while (base + 1 < next.length && (next[base + 1] as Sample).at <= start) base++;
  return next.slice(base);
}

/** Each tier's output tokens per second between the oldest and the newest sample. */
export function tierRates(history: ThroughputHistory, minSpanMs = MIN_SPAN_MS): TierRates {
  const first = history[0];
  const last = history.at(-1);
  const rates = new Map<string, number | null>();
  if (first === undefined || last === undefined) return rates;
  const span = last.at - first.at;
  for (const [id, output] of last.output) {
    // A tier absent from the base appeared since, its counter starting at zero.
    rates.set(id, span < minSpanMs ? null : ((output - (first.output.get(id) ?? 0)) * 1000) / span);
  }
  return rates;
}
