import { describe, expect, it } from "vitest";
import { DriftAccumulator, driftLevel, driftPct } from "./token-drift.js";

describe("token drift", () => {
  it("is (local - upstream) / upstream in percent, to one decimal", () => {
    expect(driftPct(110, 100)).toBe(10);
    expect(driftPct(90, 120)).toBe(-25);
    expect(driftPct(1001, 1000)).toBe(0.1);
    expect(driftPct(5, 0)).toBe(0);
  });

  it("warns from 10 % and is critical from 25 %, in either direction", () => {
    expect(driftLevel(9.9)).toBe("ok");
    expect(driftLevel(10)).toBe("warning");
    expect(driftLevel(-24.9)).toBe("warning");
    expect(driftLevel(-25)).toBe("critical");
  });

  it("accumulates per tier and reports the last sample separately", () => {
    const drift = new DriftAccumulator();
    expect(drift.stats()).toBeNull();
    expect(drift.add(100, 100)).toBe(0);
    expect(drift.add(150, 100)).toBe(50);
    expect(drift.stats()).toEqual({
      samples: 2,
      cumulativeLocal: 250,
      cumulativeUpstream: 200,
      cumulativePct: 25,
      lastLocal: 150,
      lastUpstream: 100,
      lastPct: 50,
      level: "critical",
      lastLevel: "critical",
    });
  });
});
