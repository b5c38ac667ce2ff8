import { describe, expect, it } from "vitest";
import { PerSecondWindow } from "./per-second-window.js";

describe("PerSecondWindow", () => {
  const t0 = 1_700_000_000_000;

  it("sums values per second and channel, oldest first", () => {
    const window = new PerSecondWindow(5, 2);
    window.add(t0, 0, 1);
    window.add(t0 + 200, 0, 1);
    window.add(t0 + 200, 1, 40);
    window.add(t0 + 2000, 0, 3);
    expect(window.series(t0 + 2500, 0)).toEqual([0, 0, 2, 0, 3]);
    expect(window.series(t0 + 2500, 1, 3)).toEqual([40, 0, 0]);
  });

  it("forgets seconds that fell out of the window, even when their slot is reused", () => {
    const window = new PerSecondWindow(3, 1);
    window.add(t0, 0, 5);
    window.add(t0 + 3000, 0, 1);
    expect(window.series(t0 + 3000, 0)).toEqual([0, 0, 1]);
    expect(window.series(t0 + 10_000, 0)).toEqual([0, 0, 0]);
  });

  it("totals whole seconds before the current one", () => {
    const window = new PerSecondWindow(10, 1);
    window.add(t0, 0, 2);
    window.add(t0 + 1000, 0, 3);
    window.add(t0 + 2000, 0, 100);
    expect(window.total(t0 + 2000, 0, 5)).toBe(5);
  });
});
