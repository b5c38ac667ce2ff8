/** Short human forms for numbers the dashboard shows in narrow columns. */

export function formatCount(n: number): string {
  if (n < 1000) return String(Math.round(n));
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

/** Tokens per second: one decimal below 10, whole numbers above, then `12k`; five columns at most. */
export function formatSpeed(tokensPerSecond: number): string {
  if (tokensPerSecond === 0) return "0";
  return tokensPerSecond < 10 ? tokensPerSecond.toFixed(1) : formatCount(tokensPerSecond);
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "-";
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
}

export function formatRate(rate: number | null): string {
  return rate === null ? "-" : `${(rate * 100).toFixed(rate === 1 ? 0 : 1)}%`;
}

/** `1h02m`, `3m05s`, `12s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h}h${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${s}s`;
}

export function formatUsd(usd: number): string {
  return usd < 0.01 && usd > 0 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

export function formatPct(pct: number): string {
  return `${pct > 0 ? "+" : ""}${pct.toFixed(1)}%`;
}

/** Local wall-clock time, HH:MM:SS. */
export function clockTime(epochMs: number): string {
  const d = new Date(epochMs);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
}

/** Pads or cuts `text` to exactly `width` columns, marking a cut with an ellipsis. */
export function fit(text: string, width: number, align: "left" | "right" = "left"): string {
  if (width <= 0) return "";
  if (text.length > width) return width === 1 ? "…" : `${text.slice(0, width - 1)}…`;
  return align === "left" ? text.padEnd(width) : text.padStart(width);
}

/** A part of a line and how much it matters: the least important parts are left out first. */
export interface LinePart {
  readonly text: string;
  readonly rank: number;
}

/**
 * The parts, in their order, joined by `separator`, leaving out the lowest-ranked ones until the line
 * fits `width`; the last one left is cut with an ellipsis if it alone is too long.
 */
export function fitParts(parts: readonly LinePart[], width: number, separator = "  "): string {
  let kept = [...parts];
  const joined = () => kept.map((p) => p.text).join(separator);
  while (kept.length > 1 && joined().length > width) {
    const least = kept.reduce((a, b) => (b.rank < a.rank ? b : a));
    kept = kept.filter((p) => p !== least);
  }
  return fit(joined(), width).trimEnd();
}
