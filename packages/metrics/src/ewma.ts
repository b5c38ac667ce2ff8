/** Weight of the newest sample; the Rust CCR uses the same, so values compare across both. */
export const EWMA_ALPHA = 0.3;

/** Exponentially weighted moving average; the first sample is taken as is. */
export function ewma(previous: number | null, sample: number, alpha: number = EWMA_ALPHA): number {
  return previous === null ? sample : previous + alpha * (sample - previous);
}
