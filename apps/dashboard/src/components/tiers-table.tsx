import type { TierStats } from "@ccr/metrics";
import { Box, Text } from "ink";
import { fit, formatMs } from "../format/format-values.js";
import { TierStateBadge } from "./tier-state-badge.js";

export interface TiersTableProps {
  readonly tiers: readonly TierStats[];
  /** Index of the highlighted tier, if any. */
  readonly selected: number | null;
  /** The proxy's clock for countdowns (the snapshot's `generatedAt`). */
  readonly now: number;
  readonly width: number;
}

const FIXED = { pos: 2, state: 14, ewma: 6, ttft: 11, speed: 5, okFail: 8 } as const;
const SEPARATORS = 7;

/** Column widths: fixed numeric columns, the rest shared by the tier name and the last error. */
export function tierColumns(width: number) {
  const fixed = Object.values(FIXED).reduce((a, b) => a + b, 0) + SEPARATORS;
  const flexible = Math.max(20, width - fixed);
  // `rate_limited` must fit; names get the rest, up to a point, then the error column grows again.
  const name = Math.min(34, flexible - Math.min(24, Math.max(12, Math.round(flexible * 0.4))));
  return { ...FIXED, name, error: flexible - name };
}

export function TiersTable({ tiers, selected, now, width }: TiersTableProps) {
  const c = tierColumns(width);
  const header = [
    fit("#", c.pos),
    fit("tier", c.name),
    fit("state", c.state),
    fit("ewma", c.ewma, "right"),
    fit("ttft p50/90", c.ttft, "right"),
    fit("tok/s", c.speed, "right"),
    fit("ok/fail", c.okFail, "right"),
    fit("last error", c.error),
  ].join(" ");
  return (
    <Box flexDirection="column">
      <Text bold>{header.trimEnd()}</Text>
      {tiers.length === 0 && <Text dimColor>no tiers yet: waiting for the first request</Text>}
      {tiers.map((tier, index) => {
        const isSelected = index === selected;
        const ttft =
          tier.ttftMs.p50 === null ? "-" : `${formatMs(tier.ttftMs.p50)}/${formatMs(tier.ttftMs.p90)}`;
        const failedColor = tier.requests.failed > 0 ? "red" : undefined;
        return (
          <Text key={tier.id} inverse={isSelected}>
            {fit(tier.position === null ? "-" : String(tier.position), c.pos)} {fit(tier.id, c.name)}{" "}
            <TierStateBadge tier={tier} now={now} width={c.state} />{" "}
            {fit(formatMs(tier.ewmaLatencyMs), c.ewma, "right")} {fit(ttft, c.ttft, "right")}{" "}
            {fit(
              tier.outputTokensPerSecond === null ? "-" : String(Math.round(tier.outputTokensPerSecond)),
              c.speed,
              "right",
            )}{" "}
            <Text color={failedColor}>
              {fit(`${tier.requests.ok}/${tier.requests.failed}`, c.okFail, "right")}
            </Text>
            {c.error > 0 && (
              <>
                {" "}
                <Text color="red">{fit(tier.lastError?.reason ?? "", c.error)}</Text>
              </>
            )}
          </Text>
        );
      })}
    </Box>
  );
}
