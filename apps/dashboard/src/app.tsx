import { useApp, useInput } from "ink";
import { useRef, useState } from "react";
import { DashboardScreen } from "./components/dashboard-screen.js";
import { useClock } from "./hooks/use-clock.js";
import { type UseStats, useStatsStream } from "./hooks/use-stats-stream.js";
import { useTerminalSize } from "./hooks/use-terminal-size.js";
import { useTierThroughput } from "./hooks/use-tier-throughput.js";
import type { TierRates } from "./rates/tier-throughput.js";
import type { StreamState } from "./stream/stream-state.js";

export interface AppProps {
  /** The proxy's base URL. */
  readonly url: string;
  readonly apiKey?: string;
  /** The data source; the live SSE stream unless a test gives another. */
  readonly useStats?: UseStats;
  /** Fixed columns and rows (tests); the terminal's size otherwise. */
  readonly width?: number;
  readonly height?: number;
  readonly now?: () => number;
}

/** The dashboard: live data, keys, and the screen for the current view. */
export function App({ url, apiKey, useStats = useStatsStream, width, height, now = Date.now }: AppProps) {
  const { exit } = useApp();
  const live = useStats({ url, apiKey });
  // Every snapshot counts towards the rates, paused or not; the screen shows the frozen ones.
  const liveRates = useTierThroughput(live.snapshot);
  const terminal = useTerminalSize();
  const clock = useClock(now);
  const [paused, setPaused] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [detail, setDetail] = useState(false);
  const frozen = useRef<{ state: StreamState; rates: TierRates } | undefined>(undefined);

  if (!paused) frozen.current = { state: live, rates: liveRates };
  // Paused: the numbers stay put, but the connection line still tells the truth.
  const state: StreamState =
    paused && frozen.current ? { ...frozen.current.state, connection: live.connection } : live;
  const rates = paused && frozen.current ? frozen.current.rates : liveRates;
  const tierCount = state.snapshot?.tiers.length ?? 0;

  // Ink may call a handler from an earlier render: read the current view through refs, not the closure.
  const view = useRef({ tierCount, detail });
  view.current = { tierCount, detail };

  useInput((input, key) => {
    const { tierCount: count, detail: inDetail } = view.current;
    if (input === "q" || (key.ctrl && input === "c")) return exit();
    if (key.escape || key.leftArrow) {
      if (inDetail) return setDetail(false);
      if (key.escape) return exit();
      return;
    }
    if (input === "p") return setPaused((p) => !p);
    if (count === 0) return;
    if (key.downArrow || input === "j") setSelected((s) => (s === null ? 0 : Math.min(count - 1, s + 1)));
    else if (key.upArrow || input === "k") setSelected((s) => (s === null ? 0 : Math.max(0, s - 1)));
    else if (key.return || key.rightArrow || input === "l") {
      setSelected((s) => s ?? 0);
      setDetail(true);
    }
  });

  return (
    <DashboardScreen
      url={url}
      state={state}
      rates={rates}
      selected={selected !== null && selected < tierCount ? selected : null}
      detail={detail}
      paused={paused}
      now={clock}
      width={width ?? terminal.columns}
      height={height ?? terminal.rows}
    />
  );
}
