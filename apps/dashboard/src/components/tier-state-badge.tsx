import type { TierStats } from "@ccr/metrics";
import { Text } from "ink";
import { fit, formatDuration } from "../format/format-values.js";

const LOOK = {
  healthy: { symbol: "●", color: "green", label: "healthy" },
  cooling: { symbol: "◐", color: "yellow", label: "cooling" },
  open: { symbol: "○", color: "red", label: "open" },
  half_open: { symbol: "◑", color: "magenta", label: "half-open" },
} as const;

/** `◐ cooling 12s`: colour, symbol and words, so the state reads without colour too. */
export function tierStateText(tier: Pick<TierStats, "state" | "until">, now: number): string {
  const look = LOOK[tier.state];
  const left = tier.until !== null && tier.until > now ? ` ${formatDuration((tier.until - now) / 1000)}` : "";
  return `${look.symbol} ${look.label}${left}`;
}

export function TierStateBadge(props: {
  tier: Pick<TierStats, "state" | "until">;
  now: number;
  width: number;
}) {
  return (
    <Text color={LOOK[props.tier.state].color}>{fit(tierStateText(props.tier, props.now), props.width)}</Text>
  );
}
