import { Box, Text } from "ink";
import { fit } from "../format/format-values.js";
import {
  bodyLines,
  DRIFT_PANEL_WIDTH,
  frameHeight,
  isTooSmall,
  MIN_COLUMNS,
  MIN_ROWS,
  planMain,
} from "../layout/screen-layout.js";
import type { TierRates } from "../rates/tier-throughput.js";
import type { StreamState } from "../stream/stream-state.js";
import { ConnectionBanner } from "./connection-banner.js";
import { DriftLegend, driftLegend } from "./drift-legend.js";
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
  /** Output tokens/s of each tier over the last minute. */
  readonly rates: TierRates;
  readonly selected: number | null;
  readonly detail: boolean;
  readonly paused: boolean;
  /** Local clock, for the reconnect countdown. */
  readonly now: number;
  /** The terminal's columns and rows; the screen takes one row fewer (see `frameHeight`). */
  readonly width: number;
  readonly height: number;
}

/** The whole screen for one state; pure, so every frame can be rendered in tests. */
export function DashboardScreen({
  url,
  state,
  rates,
  selected,
  detail,
  paused,
  now,
  width,
  height,
}: DashboardScreenProps) {
  if (isTooSmall(width, height)) {
    return (
      <Text>
        {fit(`too small (${width}×${height}): enlarge to ${MIN_COLUMNS}×${MIN_ROWS}`, width).trimEnd()}
      </Text>
    );
  }
  const snapshot = state.snapshot;
  const live = state.connection.status === "live";
  const address = url.replace(/^https?:\/\//, "");
  // Countdowns run on the proxy's clock, so they stay right whatever the local clock says.
  const proxyNow = snapshot?.generatedAt ?? now;
  const tiers = snapshot?.tiers ?? [];
  const selectedTier = selected !== null ? tiers[selected] : undefined;
  const showDetail = snapshot !== undefined && detail && selectedTier !== undefined;
  const layout =
    snapshot === undefined || showDetail
      ? undefined
      : planMain({
          columns: width,
          rows: height,
          banner: !live,
          tierCount: tiers.length,
          driftCount: tiers.filter((t) => t.drift !== null).length,
        });
  const lower = layout?.lower;
  return (
    <Box flexDirection="column" width={width} height={frameHeight(height)}>
      <Header address={address} snapshot={snapshot} live={live} paused={paused} width={width} />
      <ConnectionBanner connection={state.connection} url={url} now={now} width={width} />
      {showDetail && (
        <TierDetail
          tier={selectedTier}
          events={snapshot.recent}
          now={proxyNow}
          rate={rates.get(selectedTier.id) ?? null}
          lines={bodyLines(height, !live)}
          width={width}
        />
      )}
      {snapshot && layout && (
        <>
          <TiersTable
            tiers={tiers}
            selected={selected}
            now={proxyNow}
            rates={rates}
            width={width}
            lines={layout.tableLines}
          />
          {layout.sparklines && <Sparklines series={snapshot.series} width={width} />}
          {lower && (
            <Box flexDirection={lower.sideBySide ? "row" : "column"}>
              <EventLog
                events={snapshot.recent}
                rows={lower.logRows}
                width={lower.sideBySide && lower.driftRows > 0 ? width - DRIFT_PANEL_WIDTH - 2 : width}
              />
              {lower.driftRows > 0 && (
                <Box marginLeft={lower.sideBySide ? 2 : 0}>
                  <DriftPanel
                    tiers={tiers}
                    rows={lower.driftRows}
                    width={lower.sideBySide ? DRIFT_PANEL_WIDTH : width}
                    title={lower.sideBySide ? undefined : driftLegend(width)}
                  />
                </Box>
              )}
            </Box>
          )}
        </>
      )}
      <Box flexGrow={1} />
      {lower?.sideBySide && lower.driftRows > 0 && <DriftLegend width={width} />}
      <Footer detail={showDetail} paused={paused} width={width} />
    </Box>
  );
}
