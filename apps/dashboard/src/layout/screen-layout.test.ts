import { describe, expect, it } from "vitest";
import {
  bodyLines,
  frameHeight,
  type LowerPanels,
  MIN_COLUMNS,
  MIN_ROWS,
  planMain,
  TOO_SMALL,
} from "./screen-layout.js";

/** Lines the log and drift panels take, the drift legend included. */
function lowerLines(lower: LowerPanels | null): number {
  if (lower === null) return 0;
  const drift = lower.driftRows > 0;
  if (lower.sideBySide) return 1 + Math.max(lower.logRows, lower.driftRows) + (drift ? 1 : 0);
  return 1 + lower.logRows + (drift ? 1 + lower.driftRows : 0);
}

describe("screen layout", () => {
  it("leaves the terminal's last row free", () => {
    expect([frameHeight(24), frameHeight(15), frameHeight(1)]).toEqual([23, 14, 1]);
    expect(bodyLines(24, false)).toBe(20);
    expect(bodyLines(24, true)).toBe(19);
  });

  it("never plans more lines than the frame, and keeps the tier table first, at every size", () => {
    const problems: string[] = [];
    for (let rows = TOO_SMALL.rows; rows <= 60; rows++) {
      for (const columns of [TOO_SMALL.columns, MIN_COLUMNS, 71, 72, 80, 100, 200]) {
        for (const banner of [false, true]) {
          for (const tierCount of [0, 1, 3, 12, 40]) {
            for (const driftCount of [0, 1, Math.min(3, tierCount)]) {
              const plan = planMain({ columns, rows, banner, tierCount, driftCount });
              const body = bodyLines(rows, banner);
              const used = plan.tableLines + (plan.sparklines ? 2 : 0) + lowerLines(plan.lower);
              const where = `${columns}×${rows} banner ${banner} tiers ${tierCount} drift ${driftCount}`;
              if (used > body) problems.push(`${where}: ${used} lines for ${body}`);
              // The table has all it needs, or every line there is.
              if (plan.tableLines !== Math.min(body, 1 + Math.max(1, tierCount)))
                problems.push(`${where}: table trimmed to ${plan.tableLines}`);
              // Sparklines before the log, the log before the drift panel.
              if (plan.lower && (!plan.sparklines || plan.lower.logRows < 1))
                problems.push(`${where}: ${JSON.stringify(plan)}`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("from 60×15 with three tiers: every panel, with the drift legend", () => {
    for (const [columns, rows] of [
      [MIN_COLUMNS, MIN_ROWS],
      [100, 14],
      [100, 20],
      [80, 24],
    ] as const) {
      const plan = planMain({ columns, rows, banner: false, tierCount: 3, driftCount: 2 });
      expect(plan.tableLines).toBe(4);
      expect(plan.sparklines).toBe(true);
      expect(plan.lower?.logRows).toBeGreaterThanOrEqual(1);
      expect(plan.lower?.driftRows).toBeGreaterThanOrEqual(1);
    }
  });

  it("puts the drift panel beside the log when there is room, under it otherwise", () => {
    const wide = planMain({ columns: 80, rows: 24, banner: false, tierCount: 3, driftCount: 2 });
    expect(wide.lower).toEqual({ logRows: 12, driftRows: 12, sideBySide: true });
    const narrow = planMain({ columns: 60, rows: 24, banner: false, tierCount: 3, driftCount: 2 });
    expect(narrow.lower).toEqual({ logRows: 10, driftRows: 2, sideBySide: false });
  });

  it("a short terminal with many tiers: the table takes every line left", () => {
    const plan = planMain({ columns: 100, rows: 14, banner: false, tierCount: 12, driftCount: 3 });
    expect(plan).toEqual({ tableLines: 10, sparklines: false, lower: null });
  });
});
