import { describe, expect, it } from "vitest";
import { foldBuckets, sparkline } from "./sparkline.js";

describe("sparkline", () => {
  it("scales values to eight levels, the largest a full bar", () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8)).toBe("▁▂▃▄▅▆▇█");
  });

  it("leaves gaps for buckets without data and pads on the left", () => {
    expect(sparkline([null, 4, null, 2], 6)).toBe("   █ ▅");
  });

  it("can scale from the smallest value, so small changes on a large base show", () => {
    expect(sparkline([1000, 1100, 1200], 3)).toBe("▇▇█");
    expect(sparkline([1000, 1100, 1200], 3, "min")).toBe("▁▅█");
    expect(sparkline([500, 500], 2, "min")).toBe("▄▄");
  });

  it("folds long series into buckets aligned on the newest value", () => {
    expect(foldBuckets([1, 1, 3, 3, 5, 5], 3)).toEqual([1, 3, 5]);
    expect(foldBuckets([2, 4, 6, 6, 6], 2)).toEqual([3, 6]);
    expect(sparkline(new Array(600).fill(0), 40)).toBe("▁".repeat(40));
  });
});
