import type { RecentEvent } from "@ccr/metrics";
import { Box, Text } from "ink";
import { clockTime, fit } from "../format/format-values.js";

export interface EventLogProps {
  readonly events: readonly RecentEvent[];
  /** Lines available below the title. */
  readonly rows: number;
  readonly width: number;
}

/** The newest fallbacks and failures, newest first. */
export function EventLog({ events, rows, width }: EventLogProps) {
  const shown = events.slice(-Math.max(0, rows)).reverse();
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>{fit("recent fallbacks & failures", width).trimEnd()}</Text>
      {shown.length === 0 && <Text dimColor>none yet</Text>}
      {shown.map((event) => {
        const key = event.key !== undefined ? ` (${event.key})` : "";
        const route = event.kind === "fallback" ? `${event.from} → ${event.to}` : `${event.from}${key} ✗`;
        const status = event.status !== undefined ? ` ${event.status}` : "";
        const reason = `${event.reason}${status}${event.count > 1 ? ` ×${event.count}` : ""}`;
        const head = `${clockTime(event.at)} `;
        const routeWidth = Math.max(0, width - head.length - reason.length - 1);
        return (
          <Text key={event.seq}>
            <Text dimColor>{head}</Text>
            <Text color={event.kind === "fallback" ? "yellow" : "red"}>{fit(route, routeWidth)}</Text>{" "}
            {fit(reason, Math.max(0, width - head.length - routeWidth - 1))}
          </Text>
        );
      })}
    </Box>
  );
}
