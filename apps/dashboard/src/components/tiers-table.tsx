import type { TierStats } from "@ccr/metrics";
import { Box, Text } from "ink";
import { fit, formatMs, formatSpeed } from "../format/format-values.js";
import type { TierRates } from "../rates/tier-throughput.js";
import { TierStateBadge } from "./tier-state-badge.js";

export interface TiersTableProps {
  readonly tiers: readonly TierStats[];
  /** Index of the highlighted tier, if any. */
  readonly selected: number | null;
  /** The proxy's clock for countdowns (the snapshot's `generatedAt`). */
  readonly now: number;
  /** Output tokens/s of each tier over the last minute. */
  readonly rates: TierRates;
  readonly width: number;
  /** Lines the table may take, title and "+N more" included. */
  readonly lines: number;
}

const FIXED = { pos: 2, state: 14, okFail: 8 } as const;
const OPTIONAL = { ewma: 6, speed: 5, ttft: 11 } as const;
/** The tier name keeps at least this much before a column is dropped; the error column needs its own. */
const MIN_NAME = { withTtft: 15, withNumbers: 12 } as const;
const ERROR = { min: 12, max: 24, share: 0.4 } as const;
const MAX_NAME = 34;

/**
 * Column widths (0 for a column left out): fixed columns, then the numeric ones while the tier name
 * keeps room (TTFT goes first, then latency and speed), the rest shared by the name and the last error.
 */
export function tierColumns(width: number) {
  const base = FIXED.pos + FIXED.state + FIXED.okFail + 3;
  const numbers = OPTIONAL.ewma + OPTIONAL.speed + 2;
  const withNumbers = width - base - numbers >= MIN_NAME.withNumbers;
  const withTtft = withNumbers && width - base - numbers - OPTIONAL.ttft - 1 >= MIN_NAME.withTtft;
  const used = base + (withNumbers ? numbers : 0) + (withTtft ? OPTIONAL.ttft + 1 : 0);
  const flexible = Math.max(1, width - used);
  // `rate_limited` must fit; names get the rest, up to a point, then the error column grows again.
  const error = flexible - 1 - MIN_NAME.withTtft >= ERROR.min ? errorWidth(flexible) : 0;
  const name = error > 0 ? Math.min(MAX_NAME, flexible - 1 - error) : flexible;
  return {
    ...FIXED,
    ewma: withNumbers ? OPTIONAL.ewma : 0,
    speed: withNumbers ? OPTIONAL.speed : 0,
    ttft: withTtft ? OPTIONAL.ttft : 0,
    name,
    error: error > 0 ? flexible - 1 - name : 0,
  };
}

function errorWidth(flexible: number): number {
  return Math.min(ERROR.max, Math.max(ERROR.min, Math.round(flexible * ERROR.share)));
}

/**
 * Which tiers fit in `rows` lines: all, or a window that keeps the selected tier in view and leaves
 * the last line to say how many are hidden.
 */
export function tierWindow(count: number, rows: number, selected: number | null) {
  if (count <= rows) return { start: 0, end: count, hidden: 0 };
  const shown = Math.max(0, rows - 1);
  const start = Math.min(Math.max(0, (selected ?? 0) - shown + 1), count - shown);
  return { start, end: start + shown, hidden: count - shown };
}

/** A column's cell with the space that precedes it, or nothing when the column is left out. */
function cell(text: string, width: number, align: "left" | "right" = "left"): string {
  return width > 0 ? ` ${fit(text, width, align)}` : "";
}

export function TiersTable({ tiers, selected, now, rates, width, lines }: TiersTableProps) {
  if (lines <= 0) return null;
  const c = tierColumns(width);
  const header =
    fit("#", c.pos) +
    cell("tier", c.name) +
    cell("state", c.state) +
    cell("ewma", c.ewma, "right") +
    cell("ttft p50/90", c.ttft, "right") +
    cell("tok/s", c.speed, "right") +
    cell("ok/fail", c.okFail, "right") +
    cell("last error", c.error);
  const rows = lines - 1;
  const { start, end, hidden } = tierWindow(tiers.length, rows, selected);
  return (
    <Box flexDirection="column">
      <Text bold>{fit(header, width).trimEnd()}</Text>
      {tiers.length === 0 && rows > 0 && (
        <Text dimColor>{fit("no tiers yet: waiting for the first request", width).trimEnd()}</Text>
      )}
      {tiers.slice(start, end).map((tier, offset) => {
        const isSelected = start + offset === selected;
        const ttft =
          tier.ttftMs.p50 === null ? "-" : `${formatMs(tier.ttftMs.p50)}/${formatMs(tier.ttftMs.p90)}`;
        const rate = rates.get(tier.id);
        const failedColor = tier.requests.failed > 0 ? "red" : undefined;
        return (
          <Text key={tier.id} inverse={isSelected}>
            {fit(tier.position === null ? "-" : String(tier.position), c.pos)}
            {cell(tier.id, c.name)} <TierStateBadge tier={tier} now={now} width={c.state} />
            {cell(formatMs(tier.ewmaLatencyMs), c.ewma, "right")}
            {cell(ttft, c.ttft, "right")}
            {cell(rate === null || rate === undefined ? "-" : formatSpeed(rate), c.speed, "right")}{" "}
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
      {hidden > 0 && rows > 0 && (
        <Text dimColor>
          {fit(
            `+${hidden} more (↑↓ scrolls) · showing ${end - start > 1 ? `${start + 1}–${end}` : end} of ${tiers.length} tiers`,
            width,
          ).trimEnd()}
        </Text>
      )}
    </Box>
  );
}
