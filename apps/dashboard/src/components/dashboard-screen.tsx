import { Box } from "ink";
import type { StreamState } from "../stream/stream-state.js";
import { ConnectionBanner } from "./connection-banner.js";
import { DriftPanel } from "./drift-panel.js";
import { EventLog } from "./event-log.js";
import { Footer } from "./footer.js";
import { Header } from "./header.js";
import { Sparklines } from "./sparklines.js";
import { TierDetail } from "./tier-detail.js";
import { TiersTable } from "./tiers-table.js";

export interface DashboardScreenProps {
  readonly url: string;
  readonly state: StreamState;
  readonly selected: number | null;
  readonly detail: boolean;
  readonly paused: boolean;
  /** Local clock, for the reconnect countdown. */
  readonly now: number;
  readonly width: number;
  readonly height: number;
}

const DRIFT_WIDTH = 26;

/** The whole screen for one state; pure, so every frame can be rendered in tests. */
export function DashboardScreen({
  url,
  state,
  selected,
  detail,
  paused,
  now,
  width,
  height,
}: DashboardScreenProps) {
  const snapshot = state.snapshot;
  const live = state.connection.status === "live";
  const address = url.replace(/^https?:\/\//, "");
  const banner = live ? 0 : 1;
  // Countdowns run on the proxy's clock, so they stay right whatever the local clock says.
  const proxyNow = snapshot?.generatedAt ?? now;
  const tiers = snapshot?.tiers ?? [];
  const selectedTier = selected !== null ? tiers[selected] : undefined;
  const used = 2 + banner + 1;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Header address={address} snapshot={snapshot} live={live} paused={paused} width={width} />
      <ConnectionBanner connection={state.connection} url={url} now={now} width={width} />
      {snapshot && detail && selectedTier ? (
        <TierDetail
          tier={selectedTier}
          events={snapshot.recent}
          now={proxyNow}
          rows={height - used - 1}
          width={width}
        />
      ) : (
        snapshot && (
          <Box flexDirection="column">
            <TiersTable tiers={tiers} selected={selected} now={proxyNow} width={width} />
            <Sparklines series={snapshot.series} width={width} />
            <Box flexDirection="row">
              <EventLog
                events={snapshot.recent}
                rows={Math.max(1, height - used - (Math.max(tiers.length, 1) + 1) - 2 - 2)}
                width={width - DRIFT_WIDTH - 2}
              />
              <Box marginLeft={2}>
                <DriftPanel
                  tiers={tiers}
                  rows={Math.max(1, height - used - tiers.length - 6)}
                  width={DRIFT_WIDTH}
                />
              </Box>
            </Box>
          </Box>
        )
      )}
      <Box flexGrow={1} />
      <Footer detail={detail && selectedTier !== undefined} paused={paused} width={width} />
    </Box>
  );
}
