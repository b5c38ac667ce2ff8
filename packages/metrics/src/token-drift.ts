import type { DriftLevel, TokenDriftStats } from "./stats-snapshot.js";

export const DRIFT_WARNING_PCT = 10;
export const DRIFT_CRITICAL_PCT = 25;

/** `(local - upstream) / upstream * 100`, rounded to 0.1 like the Rust CCR; 0 without an upstream count. */
export function driftPct(local: number, upstream: number): number {
  if (upstream <= 0) return 0;
  return Math.round(((local - upstream) / upstream) * 1000) / 10;
}

export function driftLevel(pct: number): DriftLevel {
  const size = Math.abs(pct);
  if (size >= DRIFT_CRITICAL_PCT) return "critical";
  if (size >= DRIFT_WARNING_PCT) return "warning";
  return "ok";
}

/** Running drift of one tier. */
export class DriftAccumulator {
  private samples = 0;
  private localSum = 0;
  private upstreamSum = 0;
  private lastLocal = 0;
  private lastUpstream = 0;

  /** Returns the drift of this sample in percent. */
  add(local: number, upstream: number): number {
    this.samples++;
    this.localSum += local;
    this.upstreamSum += upstream;
    this.lastLocal = local;
    this.lastUpstream = upstream;
    return driftPct(local, upstream);
  }

  stats(): TokenDriftStats | null {
    if (this.samples === 0) return null;
    const cumulativePct = driftPct(this.localSum, this.upstreamSum);
    const lastPct = driftPct(this.lastLocal, this.lastUpstream);
    return {
      samples: this.samples,
      cumulativeLocal: this.localSum,
      cumulativeUpstream: this.upstreamSum,
      cumulativePct,
      lastLocal: this.lastLocal,
      lastUpstream: this.lastUpstream,
      lastPct,
      level: driftLevel(cumulativePct),
      lastLevel: driftLevel(lastPct),
    };
  }
}
