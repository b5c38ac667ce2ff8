import { describe, expect, it } from "vitest";
import { SampleWindow } from "./sample-window.js";

describe("SampleWindow", () => {
  it("gives null quantiles when empty", () => {
    expect(new SampleWindow(4).quantiles([0.5, 0.9])).toEqual([null, null]);
  });

  it("computes nearest-rank quantiles numerically, not lexically", () => {
    const window = new SampleWindow(16);
    for (const v of [100, 9, 20, 3, 50, 7, 1000, 2, 30, 5]) window.add(v);
    expect(window.quantiles([0, 0.5, 0.9, 1])).toEqual([2, 9, 100, 1000]);
  });

  it("keeps only the last `capacity` samples", () => {
    const window = new SampleWindow(3);
    for (const v of [1000, 1000, 1, 2, 3]) window.add(v);
    expect(window.size).toBe(3);
    expect(window.quantiles([1])).toEqual([3]);
  });
});
