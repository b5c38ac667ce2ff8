import type { TimeSeries } from "@ccr/metrics";
import { Box, Text } from "ink";
import { fit, formatDuration, formatMs } from "../format/format-values.js";
import { sparkline } from "../format/sparkline.js";

export interface SparklinesProps {
  readonly series: TimeSeries;
  readonly width: number;
}

/** Requests per second and mean latency over the series' window, side by side. */
export function Sparklines({ series, width }: SparklinesProps) {
  const half = Math.floor((width - 2) / 2);
  const span = formatDuration((series.requests.length * series.intervalMs) / 1000);
  const maxRequests = Math.max(0, ...series.requests);
  const latencies = series.latencyMs.filter((v): v is number => v !== null);
  const maxLatency = latencies.length > 0 ? Math.max(...latencies) : null;
  const minLatency = latencies.length > 0 ? Math.min(...latencies) : null;
  const perSecond = 1000 / series.intervalMs;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{fit(`requests/s · ${span}`, half - 10)}</Text>
        <Text dimColor>{fit(`max ${(maxRequests * perSecond).toFixed(0)}`, 10, "right")}</Text>
        {"  "}
        <Text bold>{fit("latency", half - 16)}</Text>
        <Text dimColor>
          {fit(maxLatency === null ? "" : `${formatMs(minLatency)}–${formatMs(maxLatency)}`, 16, "right")}
        </Text>
      </Text>
      <Text>
        <Text color="cyan">{sparkline(series.requests, half)}</Text>
        {"  "}
        <Text color="magenta">{sparkline(series.latencyMs, half, "min")}</Text>
      </Text>
    </Box>
  );
}
