import { useApp, useInput } from "ink";
import { useRef, useState } from "react";
import { DashboardScreen } from "./components/dashboard-screen.js";
import { useClock } from "./hooks/use-clock.js";
import { type UseStats, useStatsStream } from "./hooks/use-stats-stream.js";
import { useTerminalSize } from "./hooks/use-terminal-size.js";
import type { StreamState } from "./stream/stream-state.js";

export interface AppProps {
  /** The proxy's base URL. */
  readonly url: string;
  readonly apiKey?: string;
  /** The data source; the live SSE stream unless a test gives another. */
  readonly useStats?: UseStats;
  /** Fixed size (tests); the terminal's size otherwise. */
  readonly width?: number;
  readonly height?: number;
  readonly now?: () => number;
}

const MIN_WIDTH = 80;
const MIN_HEIGHT = 24;

/** The dashboard: live data, keys, and the screen for the current view. */
export function App({ url, apiKey, useStats = useStatsStream, width, height, now = Date.now }: AppProps) {
  const { exit } = useApp();
  const live = useStats({ url, apiKey });
  const terminal = useTerminalSize();
  const clock = useClock(now);
  const [paused, setPaused] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [detail, setDetail] = useState(false);
  const frozen = useRef<StreamState | undefined>(undefined);

  if (!paused) frozen.current = live;
  // Paused: the numbers stay put, but the connection line still tells the truth.
  const state: StreamState =
    paused && frozen.current ? { ...frozen.current, connection: live.connection } : live;
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
      selected={selected !== null && selected < tierCount ? selected : null}
      detail={detail}
      paused={paused}
      now={clock}
      width={width ?? Math.max(MIN_WIDTH, terminal.columns)}
      height={height ?? Math.max(MIN_HEIGHT, terminal.rows)}
    />
  );
}
