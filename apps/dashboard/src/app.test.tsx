import { cleanup, render } from "ink-testing-library";
import { useEffect, useReducer } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BURST_TOKENS_PER_SECOND, burstTraffic } from "./__fixtures__/burst-traffic.js";
import { failingSnapshot, healthySnapshot, T0 } from "./__fixtures__/stats-snapshots.js";
import { App } from "./app.js";
import type { UseStats } from "./hooks/use-stats-stream.js";
import type { StreamState } from "./stream/stream-state.js";

/** The data source the tests drive: the app re-renders when `setStats` is called. */
let current: StreamState = { connection: { status: "connecting", attempt: 0 } };
const listeners = new Set<() => void>();

const useFakeStats: UseStats = () => {
  const [, force] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    listeners.add(force);
    return () => {
      listeners.delete(force);
    };
  }, []);
  return current;
};

function setStats(next: StreamState) {
  current = next;
  for (const listener of listeners) listener();
}

/** Rendering is not always synchronous (a lone Esc waits for the next turn) and CI machines are slow. */
const WAIT = { timeout: 20_000, interval: 5 };

/** Ink unmounts the tree when the app exits: this child's effect cleanup is the signal. */
function ExitSignal({ onExit }: { onExit: () => void }) {
  useEffect(() => onExit, [onExit]);
  return null;
}

const live = (snapshot = healthySnapshot): StreamState => ({
  connection: { status: "live" },
  snapshot,
  receivedAt: T0,
});

function start(initial: StreamState, size = { width: 80, height: 24 }) {
  current = initial;
  let exited = false;
  const onExit = () => {
    exited = true;
  };
  const app = render(
    <>
      <App
        url="http://127.0.0.1:3456"
        useStats={useFakeStats}
        width={size.width}
        height={size.height}
        now={() => T0}
      />
      <ExitSignal onExit={onExit} />
    </>,
  );
  const frame = () => app.lastFrame() ?? "";
  return {
    ...app,
    frame,
    hasExited: () => exited,
    /** Waits until the screen shows `text`. */
    async shows(text: string): Promise<string> {
      await vi.waitFor(() => expect(frame()).toContain(text), WAIT);
      return frame();
    },
    /** Does `action` and waits for the screen to be drawn again (Ink writes every render in tests). */
    async redrawnAfter(action: () => void): Promise<string> {
      const drawn = app.frames.length;
      action();
      await vi.waitFor(() => expect(app.frames.length).toBeGreaterThan(drawn), WAIT);
      return frame();
    },
  };
}

afterEach(cleanup);

describe("App", { timeout: 60_000 }, () => {
  it("shows new data as it arrives", async () => {
    const { frame, shows } = start(live());
    expect(frame()).toContain("● healthy");
    setStats(live(failingSnapshot));
    await shows("◐ cooling 42s");
  });

  it("selects tiers with j/k and arrows, opens the detail with enter and leaves it with esc", async () => {
    const { stdin, shows, redrawnAfter } = start(live(failingSnapshot));
    // Every key changes the selection, so each one is seen before the next is typed.
    for (const key of ["j", "j", "k", "\u001B[B"]) await redrawnAfter(() => stdin.write(key));
    stdin.write("\r");
    await shows("deepseek,deepseek-chat  · position 1");
    stdin.write("j");
    expect(await shows("minimax,MiniMax-M2  · position 2")).toContain("connection 5");
    await redrawnAfter(() => stdin.write("\u001B[A"));
    stdin.write("\u001B[A");
    await shows("zai,glm-4.6  · position 0");
    stdin.write("\u001B");
    await shows("recent fallbacks & failures");
  });

  it("freezes the numbers while paused but still reports the connection", async () => {
    const { stdin, shows, redrawnAfter } = start(live());
    stdin.write("p");
    await shows("[paused]");
    expect(await redrawnAfter(() => setStats(live(failingSnapshot)))).not.toContain("cooling");
    setStats({
      ...live(failingSnapshot),
      connection: { status: "down", error: "ECONNRESET", retryAt: T0 + 1000, attempt: 1 },
    });
    expect(await shows("✗ proxy unreachable: ECONNRESET")).not.toContain("cooling");
    stdin.write("p");
    await shows("◐ cooling");
  });

  it("tok/s of a burst upstream: the tokens delivered over the last minute, not the per-stream speed", async () => {
    const snapshots = burstTraffic(12);
    const { frame, shows, redrawnAfter } = start(live(snapshots[0]), { width: 60, height: 15 });
    await shows("zai,glm-4.6");
    for (const snapshot of snapshots.slice(1)) await redrawnAfter(() => setStats(live(snapshot)));
    const row = frame()
      .split("\n")
      .find((line) => line.startsWith("0  zai,glm-4.6"));
    // The proxy's per-stream figure for these answers is 18,250 tok/s; 730 were delivered each second.
    expect(snapshots.at(-1)?.tiers[0]?.outputTokensPerSecond).toBeGreaterThan(18_000);
    expect(row).toMatch(new RegExp(` ${BURST_TOKENS_PER_SECOND} +24/0$`));
    expect(frame().split("\n").length).toBeLessThanOrEqual(14);
  });

  it("quits on q", async () => {
    const { stdin, frame, frames, hasExited } = start(live());
    const before = frame();
    stdin.write("q");
    await vi.waitFor(() => expect(hasExited()).toBe(true), WAIT);
    const drawn = frames.length;
    stdin.write("j");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(frames.length).toBe(drawn);
    // Ink in CI mode writes a bare newline on exit; the last drawn screen is still the one before q.
    expect(frames.filter((f) => f.trim() !== "").at(-1)).toBe(before);
  });
});
