import type { StatsSnapshot } from "@ccr/metrics";
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { failingSnapshot, healthySnapshot, manyTiersSnapshot, T0 } from "../__fixtures__/stats-snapshots.js";
import type { TierRates } from "../rates/tier-throughput.js";
import type { Connection } from "../stream/stream-state.js";
import { DashboardScreen } from "./dashboard-screen.js";

const URL = "http://127.0.0.1:3456";
const RATES: TierRates = new Map([["zai,glm-4.6", 48.2]]);
const LIVE: Connection = { status: "live" };
const DOWN: Connection = { status: "down", error: "connection refused", retryAt: T0 + 4000, attempt: 2 };

/** The sizes of the issue: the smallest supported, two short ones, and the classic terminal. */
const SIZES = [
  [60, 15],
  [100, 20],
  [100, 14],
  [80, 24],
] as const;

function frame(
  snapshot: StatsSnapshot,
  [columns, rows]: readonly [number, number],
  options: { connection?: Connection; selected?: number; detail?: boolean } = {},
) {
  const { lastFrame, unmount } = render(
    <DashboardScreen
      url={URL}
      state={{ connection: options.connection ?? LIVE, snapshot }}
      rates={RATES}
      selected={options.selected ?? null}
      detail={options.detail ?? false}
      paused={false}
      now={T0}
      width={columns}
      height={rows}
    />,
  );
  const text = lastFrame() ?? "";
  unmount();
  return text;
}

/** Fewer lines than the terminal (its last row stays free), none wider than it. */
function expectFits(text: string, [columns, rows]: readonly [number, number]) {
  const lines = text.split("\n");
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(columns);
}

/** The tier rows on screen: lines starting with a position and an id from the snapshot. */
function tierRowsOnScreen(text: string, snapshot: StatsSnapshot): number[] {
  return text
    .split("\n")
    .map((line) => /^(\d+) +(\S+)/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .filter((m) => snapshot.tiers.some((t) => t.id.startsWith((m[2] as string).replace(/…$/, ""))))
    .map((m) => Number(m[1]));
}

describe("DashboardScreen at any size from 60×15", () => {
  for (const size of SIZES) {
    const [columns, rows] = size;

    it(`${columns}×${rows}: header, every tier, the sparklines, the log and the drift legend`, () => {
      for (const snapshot of [healthySnapshot, failingSnapshot]) {
        const text = frame(snapshot, size);
        expectFits(text, size);
        const lines = text.split("\n");
        expect(lines[0]).toMatch(/^CCR 127\.0\.0\.1:3456 {2}up 1h02m \[live\]/);
        expect(lines[1]).toContain("41.7 tok/s");
        expect(tierRowsOnScreen(text, snapshot)).toEqual([0, 1, 2]);
        expect(text).toContain("requests/s · 10m00s");
        expect(text).toContain("recent fallbacks & failures");
        expect(text).toMatch(/drift: CCR's (input-token )?estimate vs (the )?provider's count/);
        expect(text).toMatch(/[▲‼✓] (ok|warning|critical)/);
        expect(lines.at(-1)).toContain("q/esc quit");
      }
    });

    it(`${columns}×${rows}: twelve tiers, the selected one in view and the rest counted`, () => {
      for (const selected of [0, 11]) {
        const text = frame(manyTiersSnapshot, size, { selected });
        expectFits(text, size);
        expect(text.split("\n")[0]).toContain("CCR 127.0.0.1:3456");
        const shown = tierRowsOnScreen(text, manyTiersSnapshot);
        expect(shown).toContain(selected);
        // A run of consecutive positions, and the others counted.
        expect(shown).toEqual(shown.map((_, i) => (shown[0] as number) + i));
        const hidden = manyTiersSnapshot.tiers.length - shown.length;
        if (hidden > 0) expect(text).toContain(`+${hidden} more`);
        else expect(shown).toHaveLength(manyTiersSnapshot.tiers.length);
      }
    });

    it(`${columns}×${rows}: the proxy down, its banner kept with the header and the tiers`, () => {
      const text = frame(healthySnapshot, size, { connection: DOWN });
      expectFits(text, size);
      expect(text).toContain("[offline]");
      expect(text).toContain("✗ proxy unreachable: connection refused");
      expect(tierRowsOnScreen(text, healthySnapshot)).toEqual([0, 1, 2]);
    });

    it(`${columns}×${rows}: a tier's detail, its most telling lines first`, () => {
      const text = frame(failingSnapshot, size, { selected: 0, detail: true });
      expectFits(text, size);
      expect(text).toContain("CCR 127.0.0.1:3456");
      expect(text).toContain("zai,glm-4.6  · position 0");
      expect(text).toContain("◐ cooling 42s");
      expect(text).toMatch(/last error +rate_limited HTTP 429/);
      expect(text.split("\n").at(-1)).toContain("esc/← back");
    });
  }

  it("below 60×15 it still fits, down to 40×8, and says so below that", () => {
    for (const size of [
      [59, 14],
      [50, 10],
      [40, 8],
    ] as const) {
      const text = frame(failingSnapshot, size, { connection: DOWN });
      expectFits(text, size);
      expect(text).toContain("CCR 127.0.0.1:3456");
      expect(text).toMatch(/^0 +zai,glm-4\.6/m);
    }
    const tiny = frame(failingSnapshot, [39, 7]);
    expect(tiny).toBe("too small (39×7): enlarge to 60×15");
  });

  it("a wide terminal spells the drift levels out in words", () => {
    const text = frame(failingSnapshot, [140, 40]);
    expectFits(text, [140, 40]);
    expect(text).toContain("✓ ok <10% · ▲ warning ≥10% · ‼ critical ≥25%");
  });
});
