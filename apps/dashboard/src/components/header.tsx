import type { StatsSnapshot } from "@ccr/metrics";
import { Box, Text } from "ink";
import { fit, formatCount, formatDuration, formatRate, formatUsd } from "../format/format-values.js";

export interface HeaderProps {
  /** The address the dashboard watches, shown as given. */
  readonly address: string;
  readonly snapshot: StatsSnapshot | undefined;
  readonly live: boolean;
  readonly paused: boolean;
  readonly width: number;
}

/** Two lines: where and how long, then volume, success, tokens, throughput and spend. */
export function Header({ address, snapshot, live, paused, width }: HeaderProps) {
  const t = snapshot?.totals;
  const status = paused ? "paused" : live ? "live" : "offline";
  const statusColor = paused ? "yellow" : live ? "green" : "red";
  const left = `CCR ${address}${snapshot ? `  up ${formatDuration(snapshot.uptimeSeconds)}` : ""}`;
  const right = t
    ? `streams ${t.activeStreams}  active ${t.activeRequests}  req ${t.requests}  ok ${formatRate(t.successRate)}`
    : "";
  const statusText = ` [${status}]`;
  const gap = Math.max(1, width - left.length - statusText.length - right.length);
  const second = t
    ? `tokens in/out ${formatCount(t.tokens.input)}/${formatCount(t.tokens.output)}` +
      `  ${t.outputTokensPerSecond.toFixed(1)} tok/s  ${t.requestsPerSecond.toFixed(2)} req/s` +
      `  fallbacks ${t.fallbacks}  cost ${formatUsd(t.costUsd)}`
    : "waiting for the first stats…";
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{left}</Text>
        <Text color={statusColor}>{statusText}</Text>
        {" ".repeat(gap)}
        {right}
      </Text>
      <Text dimColor={!t}>{fit(second, width).trimEnd()}</Text>
    </Box>
  );
}
