import { describe, expect, it } from "vitest";
import { ewma } from "./ewma.js";

describe("ewma", () => {
  it("takes the first sample as is and then moves by alpha towards each new one", () => {
    const first = ewma(null, 100);
    expect(first).toBe(100);
    expect(ewma(first, 200)).toBeCloseTo(130);
    expect(ewma(100, 200, 0.5)).toBe(150);
  });
});
