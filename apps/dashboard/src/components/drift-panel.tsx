import type { DriftLevel, TierStats } from "@ccr/metrics";
import { Box, Text } from "ink";
import { fit, formatPct } from "../format/format-values.js";

export interface DriftPanelProps {
  readonly tiers: readonly TierStats[];
  readonly rows: number;
  readonly width: number;
}

const LEVEL = {
  ok: { color: "green", mark: "✓" },
  warning: { color: "yellow", mark: "▲" },
  critical: { color: "red", mark: "‼" },
} as const satisfies Record<DriftLevel, { color: string; mark: string }>;

/** How far the proxy's input-token estimate is from each provider's count (cumulative). */
export function DriftPanel({ tiers, rows, width }: DriftPanelProps) {
  const measured = tiers.filter((t) => t.drift !== null).slice(0, Math.max(0, rows));
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>{fit("token drift", width).trimEnd()}</Text>
      {measured.length === 0 && <Text dimColor>no samples yet</Text>}
      {measured.map((tier) => {
        const drift = tier.drift!;
        const look = LEVEL[drift.level];
        const value = `${formatPct(drift.cumulativePct)} ${look.mark} ${drift.level}`;
        return (
          <Text key={tier.id}>
            {fit(tier.model, Math.max(0, width - value.length - 1))} <Text color={look.color}>{value}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
