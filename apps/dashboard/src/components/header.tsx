import type { StatsSnapshot } from "@ccr/metrics";
import { Box, Text } from "ink";
import {
  fit,
  fitParts,
  formatCount,
  formatDuration,
  formatRate,
  formatUsd,
} from "../format/format-values.js";

export interface HeaderProps {
  /** The address the dashboard watches, shown as given. */
  readonly address: string;
  readonly snapshot: StatsSnapshot | undefined;
  readonly live: boolean;
  readonly paused: boolean;
  readonly width: number;
}

/**
 * Two lines: where and how long, then volume, success, tokens, throughput and spend. In a narrow
 * terminal the least telling figures are left out rather than the line wrapped.
 */
export function Header({ address, snapshot, live, paused, width }: HeaderProps) {
  const t = snapshot?.totals;
  const status = paused ? "paused" : live ? "live" : "offline";
  const statusColor = paused ? "yellow" : live ? "green" : "red";
  const statusText = ` [${status}]`;
  const left = fit(
    `CCR ${address}${snapshot ? `  up ${formatDuration(snapshot.uptimeSeconds)}` : ""}`,
    Math.max(1, width - statusText.length),
  ).trimEnd();
  const room = width - left.length - statusText.length - 1;
  const right =
    t && room > 0
      ? fitParts(
          [
            { text: `streams ${t.activeStreams}`, rank: 1 },
            { text: `active ${t.activeRequests}`, rank: 2 },
            { text: `req ${t.requests}`, rank: 4 },
            { text: `ok ${formatRate(t.successRate)}`, rank: 3 },
          ],
          room,
        )
      : "";
  const gap = Math.max(right ? 1 : 0, width - left.length - statusText.length - right.length);
  const second = t
    ? fitParts(
        [
          { text: `tokens in/out ${formatCount(t.tokens.input)}/${formatCount(t.tokens.output)}`, rank: 1 },
          { text: `${t.outputTokensPerSecond.toFixed(1)} tok/s`, rank: 5 },
          { text: `${t.requestsPerSecond.toFixed(2)} req/s`, rank: 4 },
          { text: `fallbacks ${t.fallbacks}`, rank: 2 },
          { text: `cost ${formatUsd(t.costUsd)}`, rank: 3 },
        ],
        width,
      )
    : fit("waiting for the first stats…", width).trimEnd();
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{left}</Text>
        <Text color={statusColor}>{statusText.slice(0, Math.max(0, width - left.length))}</Text>
        {right && " ".repeat(gap)}
        {right}
      </Text>
      <Text dimColor={!t}>{second}</Text>
    </Box>
  );
}
