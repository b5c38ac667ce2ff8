import type { RecentEvent, TierStats } from "@ccr/metrics";
import { Box, Text } from "ink";
import {
  clockTime,
  fit,
  formatCount,
  formatMs,
  formatPct,
  formatRate,
  formatUsd,
} from "../format/format-values.js";
import { EventLog } from "./event-log.js";
import { TierStateBadge } from "./tier-state-badge.js";

export interface TierDetailProps {
  readonly tier: TierStats;
  readonly events: readonly RecentEvent[];
  readonly now: number;
  readonly rows: number;
  readonly width: number;
}

function Row(props: { label: string; children: React.ReactNode }) {
  return (
    <Text>
      <Text dimColor>{props.label.padEnd(11)}</Text>
      {props.children}
    </Text>
  );
}

/** Everything known about one tier, with its own slice of the event log. */
export function TierDetail({ tier, events, now, rows, width }: TierDetailProps) {
  const failures = Object.entries(tier.failures)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(" · ");
  const drift = tier.drift;
  const error = tier.lastError;
  const own = events.filter((e) => e.from === tier.id || e.to === tier.id);
  const lines = 11;
  return (
    <Box flexDirection="column">
      <Text bold>
        {fit(
          `${tier.id}  · position ${tier.position ?? "-"} · provider ${tier.provider} · model ${tier.model}`,
          width,
        ).trimEnd()}
      </Text>
      <Row label="state">
        <TierStateBadge tier={tier} now={now} width={24} />
        {tier.until !== null ? `until ${clockTime(tier.until)}` : ""}
      </Row>
      <Row label="requests">
        {`ok ${tier.requests.ok}  failed ${tier.requests.failed}  success ${formatRate(tier.successRate)}  retries ${tier.retries}  fallbacks ${tier.fallbacks}  429s ${tier.rateLimitHits}`}
      </Row>
      <Row label="failures">{failures || "none"}</Row>
      <Row label="latency">
        {`ewma ${formatMs(tier.ewmaLatencyMs)}  ttft p50 ${formatMs(tier.ttftMs.p50)}  p90 ${formatMs(tier.ttftMs.p90)}  (last ${tier.ttftMs.samples})`}
      </Row>
      <Row label="speed">
        {tier.outputTokensPerSecond === null ? "-" : `${tier.outputTokensPerSecond.toFixed(1)} tok/s`}
      </Row>
      <Row label="tokens">
        {`in ${formatCount(tier.tokens.input)}  out ${formatCount(tier.tokens.output)}  cache read ${formatCount(tier.tokens.cacheRead)}  cache write ${formatCount(tier.tokens.cacheCreation)}`}
      </Row>
      <Row label="cost">{formatUsd(tier.costUsd)}</Row>
      <Row label="drift">
        {drift === null
          ? "no samples yet"
          : `cumulative ${formatPct(drift.cumulativePct)} (${drift.level})  last ${formatPct(drift.lastPct)} (${drift.lastLevel})  over ${drift.samples}`}
      </Row>
      <Row label="last error">
        {error === null ? (
          "none"
        ) : (
          <Text color="red">
            {fit(
              `${error.reason}${error.status !== undefined ? ` HTTP ${error.status}` : ""} at ${clockTime(error.at)}${error.message ? `: ${error.message}` : ""}`,
              width - 11,
            ).trimEnd()}
          </Text>
        )}
      </Row>
      <EventLog events={own} rows={Math.max(1, rows - lines - 1)} width={width} />
    </Box>
  );
}
