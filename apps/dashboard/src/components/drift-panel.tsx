import type { DriftLevel, TierStats } from "@ccr/metrics";
import { Box, Text } from "ink";
import { fit, formatPct } from "../format/format-values.js";

export interface DriftPanelProps {
  readonly tiers: readonly TierStats[];
  /** Lines below the title. */
  readonly rows: number;
  readonly width: number;
  /** The title line; the drift legend when the panel spans the screen. */
  readonly title?: string;
}

const LEVEL = {
  ok: { color: "green", mark: "✓" },
  warning: { color: "yellow", mark: "▲" },
  critical: { color: "red", mark: "‼" },
} as const satisfies Record<DriftLevel, { color: string; mark: string }>;

/** Room for the tier's full id rather than its model. */
const WIDE = 40;

/**
 * How far the proxy's input-token estimate is from each provider's count (cumulative), in chain
 * order; when not all fit, the tiers that drift most.
 */
export function DriftPanel({ tiers, rows, width, title = "token drift" }: DriftPanelProps) {
  const measured = tiers.filter((t) => t.drift !== null);
  const room = Math.max(0, rows);
  const worst = new Set(
    [...measured]
      .sort((a, b) => Math.abs(b.drift!.cumulativePct) - Math.abs(a.drift!.cumulativePct))
      .slice(0, room),
  );
  const shown = measured.filter((t) => worst.has(t));
  const note = shown.length < measured.length ? ` · worst ${shown.length} of ${measured.length}` : "";
  const heading = title.length + note.length <= width ? title + note : title;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>{fit(heading, width).trimEnd()}</Text>
      {measured.length === 0 && room > 0 && <Text dimColor>{fit("no samples yet", width).trimEnd()}</Text>}
      {shown.map((tier) => {
        const drift = tier.drift!;
        const look = LEVEL[drift.level];
        const value = fit(`${formatPct(drift.cumulativePct)} ${look.mark} ${drift.level}`, width).trimEnd();
        const nameWidth = width - value.length - 1;
        return (
          <Text key={tier.id}>
            {nameWidth > 0 && `${fit(width >= WIDE ? tier.id : tier.model, nameWidth)} `}
            <Text color={look.color}>{value}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
