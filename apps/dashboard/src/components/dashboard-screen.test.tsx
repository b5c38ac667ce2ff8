import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { failingSnapshot, healthySnapshot, T0 } from "../__fixtures__/stats-snapshots.js";
import type { TierRates } from "../rates/tier-throughput.js";
import type { StreamState } from "../stream/stream-state.js";
import { DashboardScreen } from "./dashboard-screen.js";

const URL = "http://127.0.0.1:3456";
/** What the dashboard measured over the last minute, for the fixture's tiers. */
const RATES: TierRates = new Map([
  ["zai,glm-4.6", 48.2],
  ["deepseek,deepseek-chat", 3.1],
  ["minimax,MiniMax-M2", 0],
]);

function frame(
  state: StreamState,
  size = { width: 80, height: 24 },
  extra: { selected?: number; detail?: boolean; paused?: boolean } = {},
) {
  const { lastFrame, unmount } = render(
    <DashboardScreen
      url={URL}
      state={state}
      rates={RATES}
      selected={extra.selected ?? null}
      detail={extra.detail ?? false}
      paused={extra.paused ?? false}
      now={T0}
      width={size.width}
      height={size.height}
    />,
  );
  const text = lastFrame() ?? "";
  unmount();
  return text;
}

/** The terminal's last row stays free, so Ink never scrolls and the prompt lands on its own line at exit. */
function expectFits(text: string, width: number, height: number) {
  const lines = text.split("\n");
  expect(lines.length).toBeLessThanOrEqual(height - 1);
  for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
}

describe("DashboardScreen", () => {
  it("healthy: header, tiers in chain order, sparklines, log and drift within 80×24", () => {
    const text = frame({ connection: { status: "live" }, snapshot: healthySnapshot, receivedAt: T0 });
    expectFits(text, 80, 24);
    expect(text).toContain("CCR 127.0.0.1:3456  up 1h02m [live]");
    expect(text).toContain("streams 2  active 3  req 1234  ok 98.9%");
    expect(text).toContain("tokens in/out 1.2M/88k  41.7 tok/s  0.42 req/s  fallbacks 21  cost $1.23");
    const rows = text.split("\n");
    const zai = rows.findIndex((l) => l.includes("zai,glm-4.6"));
    const deepseek = rows.findIndex((l) => l.startsWith("1 ") && l.includes("deepseek,"));
    const minimax = rows.findIndex((l) => l.startsWith("2 ") && l.includes("minimax,"));
    expect(zai).toBeGreaterThan(0);
    expect(deepseek).toBe(zai + 1);
    expect(minimax).toBe(zai + 2);
    expect(rows[zai]).toMatch(/^0 +zai,glm-4\.6 +● healthy +1\.24s +450ms\/1\.20s +48 +1100\/4/);
    expect(text).toContain("requests/s · 10m00s");
    expect(text).toMatch(/[▁▂▃▄▅▆▇█]{10}/);
    expect(text).toContain("22:12:30 zai,glm-4.6 → deepseek,deeps");
    expect(text).toContain("+18.9% ▲ warning");
    expect(text).toContain("token drift: CCR's input-token estimate vs the provider's count · ▲ ≥10% ‼ ≥25%");
    expect(text).toContain("q/esc quit");
    expect(text).toMatchSnapshot();
  });

  it("failing: cooling with countdown, circuit open, newest failures first", () => {
    const text = frame({ connection: { status: "live" }, snapshot: failingSnapshot, receivedAt: T0 });
    expectFits(text, 80, 24);
    expect(text).toMatch(/zai,glm-4\.6 +◐ cooling 42s .* 1100\/30 rate_limited\n/);
    expect(text).toMatch(/minimax,MiniMa… +○ open 1m30s .* 0\/5 connection/);
    const log = text.slice(text.indexOf("recent fallbacks"));
    expect(log).toMatch(/22:13:19 zai,glm-4\.6 → deepseek,deeps\S* +cooling ×12/);
    expect(log.indexOf("22:13:18 zai,glm-4.6 → deepseek")).toBeLessThan(
      log.indexOf("22:13:10 minimax,MiniMax-M2 ✗"),
    );
    expect(text).toMatchSnapshot();
  });

  it("disconnected: says the proxy is unreachable and when it retries, keeping the last numbers", () => {
    const text = frame({
      connection: {
        status: "down",
        error: "connection refused (is ccr running?)",
        retryAt: T0 + 4000,
        attempt: 3,
      },
      snapshot: healthySnapshot,
      receivedAt: T0 - 5000,
    });
    expectFits(text, 80, 24);
    expect(text).toContain("[offline]");
    expect(text).toContain("✗ proxy unreachable: connection refused (is ccr running?) · retrying in 4s");
    expect(text).toContain("zai,glm-4.6");
    expect(text).toMatchSnapshot();
  });

  it("before the first snapshot: connecting", () => {
    const text = frame({ connection: { status: "connecting", attempt: 0 } });
    expect(text).toContain("connecting to http://127.0.0.1:3456…");
    expect(text).toContain("waiting for the first stats…");
  });

  it("uses a larger terminal: wider names, the last error column, more log lines", () => {
    const small = frame(
      { connection: { status: "live" }, snapshot: failingSnapshot },
      { width: 80, height: 24 },
    );
    const large = frame(
      { connection: { status: "live" }, snapshot: failingSnapshot },
      { width: 140, height: 40 },
    );
    expectFits(large, 140, 40);
    expect(large).toContain("deepseek,deepseek-chat ");
    expect(large.split("\n").length).toBeGreaterThan(small.split("\n").length);
    expect(large).toMatch(/1100\/30 rate_limited/);
  });

  it("detail view: one tier's numbers and its own events", () => {
    const text = frame(
      { connection: { status: "live" }, snapshot: failingSnapshot },
      { width: 80, height: 24 },
      { selected: 0, detail: true },
    );
    expectFits(text, 80, 24);
    expect(text).toContain("zai,glm-4.6  · position 0 · provider zai · model glm-4.6");
    expect(text).toContain("◐ cooling 42s");
    expect(text).toContain("until 22:14:02");
    expect(text).toContain("rate_limited 26");
    expect(text).toContain("rate_limited HTTP 429 at 22:13:18: Too many requests");
    expect(text).not.toContain("minimax,MiniMax-M2 ✗");
    expect(text).toContain("esc/← back");
  });

  it("detail view of a tier with a key pool: each key by id, its state and budgets, never a key", () => {
    const [zai, ...others] = failingSnapshot.tiers;
    const keys = [
      { id: "zai#1", state: "cooling", until: T0 + 42_000, rpm: null, tpm: null },
      {
        id: "zai#2",
        state: "ready",
        until: null,
        rpm: { used: 3, limit: 50 },
        tpm: { used: 12_000, limit: 100_000 },
      },
      { id: "zai#3", state: "out", until: T0 + 298_000, rpm: null, tpm: null },
    ].map((key) => ({ ...key, requests: { ok: 1, failed: 0 }, rateLimitHits: 0, lastError: null }));
    const failure = {
      seq: 99,
      at: T0 - 100,
      kind: "failure" as const,
      requestId: "k",
      from: "zai,glm-4.6",
      key: "zai#3",
      reason: "auth",
      status: 401,
      count: 1,
    };
    const snapshot = {
      ...failingSnapshot,
      tiers: [{ ...zai!, keys }, ...others],
      recent: [...failingSnapshot.recent, failure],
    } as typeof failingSnapshot;
    const text = frame(
      { connection: { status: "live" }, snapshot },
      { width: 120, height: 30 },
      { selected: 0, detail: true },
    );
    expectFits(text, 120, 30);
    expect(text).toContain(
      "keys       zai#1 cooling 42s · zai#2 ready 3/50rpm 12k/100ktpm · zai#3 OUT 4m58s",
    );
  });

  it("paused: says so in the header and the footer", () => {
    const text = frame({ connection: { status: "live" }, snapshot: healthySnapshot }, undefined, {
      paused: true,
    });
    expect(text).toContain("[paused]");
    expect(text).toContain("PAUSED (p to resume)");
  });
});
