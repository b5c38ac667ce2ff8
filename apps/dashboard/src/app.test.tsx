import { render } from "ink-testing-library";
import { useEffect, useReducer } from "react";
import { describe, expect, it } from "vitest";
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

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
const live = (snapshot = healthySnapshot): StreamState => ({
  connection: { status: "live" },
  snapshot,
  receivedAt: T0,
});

function start(initial: StreamState) {
  current = initial;
  const app = render(
    <App url="http://127.0.0.1:3456" useStats={useFakeStats} width={80} height={24} now={() => T0} />,
  );
  return { ...app, frame: () => app.lastFrame() ?? "" };
}

describe("App", () => {
  it("shows new data as it arrives", async () => {
    const { frame, unmount } = start(live());
    expect(frame()).toContain("● healthy");
    setStats(live(failingSnapshot));
    await tick();
    expect(frame()).toContain("◐ cooling 42s");
    unmount();
  });

  it("selects tiers with j/k and arrows, opens the detail with enter and leaves it with esc", async () => {
    const { frame, stdin, unmount } = start(live(failingSnapshot));
    stdin.write("j");
    await tick();
    stdin.write("j");
    await tick();
    stdin.write("k");
    await tick();
    stdin.write("\u001B[B");
    await tick();
    stdin.write("\r");
    await tick();
    expect(frame()).toContain("deepseek,deepseek-chat  · position 1");
    stdin.write("j");
    await tick();
    expect(frame()).toContain("minimax,MiniMax-M2  · position 2");
    expect(frame()).toContain("connection 5");
    stdin.write("\u001B[A");
    await tick();
    stdin.write("\u001B[A");
    await tick();
    expect(frame()).toContain("zai,glm-4.6  · position 0");
    stdin.write("\u001B");
    await tick();
    await tick();
    expect(frame()).toContain("recent fallbacks & failures");
    unmount();
  });

  it("freezes the numbers while paused but still reports the connection", async () => {
    const { frame, stdin, unmount } = start(live());
    stdin.write("p");
    await tick();
    setStats(live(failingSnapshot));
    await tick();
    expect(frame()).toContain("[paused]");
    expect(frame()).not.toContain("cooling");
    setStats({
      ...live(failingSnapshot),
      connection: { status: "down", error: "ECONNRESET", retryAt: T0 + 1000, attempt: 1 },
    });
    await tick();
    expect(frame()).toContain("✗ proxy unreachable: ECONNRESET");
    expect(frame()).not.toContain("cooling");
    stdin.write("p");
    await tick();
    expect(frame()).toContain("◐ cooling");
    unmount();
  });

  it("quits on q", async () => {
    const { stdin, frame } = start(live());
    const before = frame();
    stdin.write("q");
    await tick();
    stdin.write("j");
    await tick();
    expect(frame()).toBe(before);
  });
});
