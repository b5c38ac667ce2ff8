const BARS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] as const;

/**
 * One character per bucket: the values are folded into `width` buckets (the newest on the right),
 * each bucket the mean of its non-null values. Bars go from `base` ("zero" for counts; "min" for
 * values like latency, whose changes would vanish next to their size) to the largest bucket.
 * Empty buckets are spaces.
 */
export function sparkline(
  values: readonly (number | null)[],
  width: number,
  base: "zero" | "min" = "zero",
): string {
  if (width <= 0) return "";
  const buckets = foldBuckets(values, width);
  const present = buckets.filter((b): b is number => b !== null);
  const max = Math.max(0, ...present);
  const low = base === "min" && present.length > 0 ? Math.min(...present) : 0;
  return buckets
    .map((b) => {
      if (b === null) return " ";
      if (max === low) return base === "min" ? BARS[3] : BARS[0];
      return BARS[Math.min(BARS.length - 1, Math.floor(((b - low) / (max - low)) * (BARS.length - 1) + 0.5))];
    })
    .join("")
    .padStart(width);
}

export function foldBuckets(values: readonly (number | null)[], width: number): (number | null)[] {
  const perBucket = Math.max(1, Math.ceil(values.length / width));
  const out: (number | null)[] = [];
  // Align buckets on the newest value so the right edge is always "now".
  for (let end = values.length; end > 0 && out.length < width; end -= perBucket) {
    let sum = 0;
    let n = 0;
    for (let i = Math.max(0, end - perBucket); i < end; i++) {
      const v = values[i];
      if (v !== null && v !== undefined) {
        sum += v;
        n++;
      }
    }
    out.unshift(n === 0 ? null : sum / n);
  }
  return out;
}
