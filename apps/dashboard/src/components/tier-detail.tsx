import type { KeyStats, RecentEvent, TierStats } from "@ccr/metrics";
import { Box, Text } from "ink";
import {
  clockTime,
  fit,
  formatCount,
  formatDuration,
  formatMs,
  formatPct,
  formatRate,
  formatSpeed,
  formatUsd,
} from "../format/format-values.js";
import { DriftLegend } from "./drift-legend.js";
import { EventLog } from "./event-log.js";
import { tierStateText } from "./tier-state-badge.js";

export interface TierDetailProps {
  readonly tier: TierStats;
  readonly events: readonly RecentEvent[];
  readonly now: number;
  /** The tier's output tokens/s over the last minute; null while there is too little history. */
  readonly rate: number | null;
  /** Lines the detail may take. */
  readonly lines: number;
  readonly width: number;
}

const LABEL_WIDTH = 11;
/** Below this many lines for its own events, the log is left out rather than shown as a title alone. */
const MIN_LOG_LINES = 2;

interface DetailRow {
  readonly label: string;
  readonly text: string;
  readonly color?: string;
  /** Lower ranks go first when the terminal is short. */
  readonly rank: number;
}

/** Everything known about one tier, with its own slice of the event log. */
export function TierDetail({ tier, events, now, rate, lines, width }: TierDetailProps) {
  const failures = Object.entries(tier.failures)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(" · ");
  const drift = tier.drift;
  const error = tier.lastError;
  const own = events.filter((e) => e.from === tier.id || e.to === tier.id);
  const all: DetailRow[] = [
    ...(tier.keys ? [keysRow(tier.keys, now)] : []),
    {
      label: "state",
      text: `${tierStateText(tier, now)}${tier.until !== null ? `  until ${clockTime(tier.until)}` : ""}`,
      color: { healthy: "green", cooling: "yellow", open: "red", half_open: "magenta" }[tier.state],
      rank: 9,
    },
    {
      label: "requests",
      text: `ok ${tier.requests.ok}  failed ${tier.requests.failed}  success ${formatRate(tier.successRate)}  retries ${tier.retries}  fallbacks ${tier.fallbacks}  429s ${tier.rateLimitHits}`,
      rank: 8,
    },
    { label: "failures", text: failures || "none", rank: 6 },
    {
      label: "latency",
      text: `ewma ${formatMs(tier.ewmaLatencyMs)}  ttft p50 ${formatMs(tier.ttftMs.p50)}  p90 ${formatMs(tier.ttftMs.p90)}  (last ${tier.ttftMs.samples})`,
      rank: 5,
    },
    {
      label: "speed",
      text: rate === null ? "- (measuring)" : `${formatSpeed(rate)} tok/s out over the last minute`,
      rank: 2,
    },
    {
      label: "tokens",
      text: `in ${formatCount(tier.tokens.input)}  out ${formatCount(tier.tokens.output)}  cache read ${formatCount(tier.tokens.cacheRead)}  cache write ${formatCount(tier.tokens.cacheCreation)}`,
      rank: 3,
    },
    { label: "cost", text: formatUsd(tier.costUsd), rank: 1 },
    {
      label: "drift",
      text:
        drift === null
          ? "no samples yet"
          : `cumulative ${formatPct(drift.cumulativePct)} (${drift.level})  last ${formatPct(drift.lastPct)} (${drift.lastLevel})  over ${drift.samples}`,
      rank: 4,
    },
    {
      label: "last error",
      text:
        error === null
          ? "none"
          : `${error.reason}${error.status !== undefined ? ` HTTP ${error.status}` : ""} at ${clockTime(error.at)}${error.message ? `: ${error.message}` : ""}`,
      color: error === null ? undefined : "red",
      rank: 7,
    },
  ];
  // The title, then the rows that matter most, then the drift legend, then the tier's own events.
  const room = Math.max(0, lines - 1);
  const cut = [...all].sort((a, b) => b.rank - a.rank)[Math.min(room, all.length)]?.rank ?? 0;
  const rows = all.filter((row) => row.rank > cut);
  const legend = drift !== null && rows.some((r) => r.label === "drift") && room - rows.length >= 1;
  const logLines = room - rows.length - (legend ? 1 : 0);
  return (
    <Box flexDirection="column">
      {lines > 0 && (
        <Text bold>
          {fit(
            `${tier.id}  · position ${tier.position ?? "-"} · provider ${tier.provider} · model ${tier.model}`,
            width,
          ).trimEnd()}
        </Text>
      )}
      {rows.map((row) => (
        <Text key={row.label}>
          <Text dimColor>{fit(row.label, LABEL_WIDTH)}</Text>
          <Text color={row.color}>{fit(row.text, width - LABEL_WIDTH).trimEnd()}</Text>
        </Text>
      ))}
      {legend && <DriftLegend width={width} />}
      {logLines >= MIN_LOG_LINES && <EventLog events={own} rows={logLines - 1} width={width} />}
    </Box>
  );
}

/**
 * A key pool, by key id: each key's state (with the time left when it is skipped) and its budgets' use.
 * Red when a key is out (the provider refused it: someone must replace it), yellow while one is skipped.
 */
function keysRow(keys: readonly KeyStats[], now: number): DetailRow {
  const text = keys
    .map((key) => {
      const state = { ready: "ready", cooling: "cooling", out: "OUT", over_budget: "over budget" }[key.state];
      const left =
        key.until !== null && key.until > now ? ` ${formatDuration((key.until - now) / 1000)}` : "";
      const budgets = [
        key.rpm ? `${key.rpm.used}/${key.rpm.limit}rpm` : undefined,
        key.tpm ? `${formatCount(key.tpm.used)}/${formatCount(key.tpm.limit)}tpm` : undefined,
      ].filter(Boolean);
      return `${key.id} ${state}${left}${budgets.length > 0 ? ` ${budgets.join(" ")}` : ""}`;
    })
    .join(" · ");
  const color = keys.some((key) => key.state === "out")
    ? "red"
    : keys.some((key) => key.state !== "ready")
      ? "yellow"
      : "green";
  return { label: "keys", text, color, rank: 8.5 };
}
