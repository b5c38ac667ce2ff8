import { describe, expect, it } from "vitest";
import {
  clockTime,
  fit,
  fitParts,
  formatCount,
  formatDuration,
  formatMs,
  formatPct,
  formatRate,
  formatSpeed,
  formatUsd,
} from "./format-values.js";

describe("format values", () => {
  it("shortens counts", () => {
    expect([formatCount(999), formatCount(1234), formatCount(88_123), formatCount(1_234_567)]).toEqual([
      "999",
      "1.2k",
      "88k",
      "1.2M",
    ]);
  });

  it("shows milliseconds below a second and seconds above", () => {
    expect([formatMs(null), formatMs(450.4), formatMs(1240), formatMs(12_345)]).toEqual([
      "-",
      "450ms",
      "1.24s",
      "12.3s",
    ]);
  });

  it("formats rates, durations, money and drift", () => {
    expect([formatRate(null), formatRate(1), formatRate(0.98946)]).toEqual(["-", "100%", "98.9%"]);
    expect([formatDuration(12), formatDuration(185), formatDuration(3725)]).toEqual([
      "12s",
      "3m05s",
      "1h02m",
    ]);
    expect([formatUsd(1.234), formatUsd(0.0012), formatUsd(0)]).toEqual(["$1.23", "$0.0012", "$0.00"]);
    expect([formatPct(10), formatPct(-3.25), formatPct(0)]).toEqual(["+10.0%", "-3.3%", "0.0%"]);
  });

  it("prints local wall-clock time", () => {
    expect(clockTime(Date.UTC(2024, 0, 1, 9, 5, 7))).toBe("09:05:07");
  });

  it("fits text to an exact width", () => {
    expect(fit("abc", 5)).toBe("abc  ");
    expect(fit("abc", 5, "right")).toBe("  abc");
    expect(fit("abcdef", 4)).toBe("abc…");
    expect(fit("abc", 0)).toBe("");
  });

  it("keeps tokens per second within five columns", () => {
    expect([0, 2.34, 48.2, 730, 36_510, 1_234_567].map(formatSpeed)).toEqual([
      "0",
      "2.3",
      "48",
      "730",
      "37k",
      "1.2M",
    ]);
  });

  it("leaves out the least telling parts of a line until it fits", () => {
    const parts = [
      { text: "streams 2", rank: 1 },
      { text: "req 1234", rank: 3 },
      { text: "ok 98.9%", rank: 2 },
    ];
    expect(fitParts(parts, 40)).toBe("streams 2  req 1234  ok 98.9%");
    expect(fitParts(parts, 20)).toBe("req 1234  ok 98.9%");
    expect(fitParts(parts, 10)).toBe("req 1234");
    expect(fitParts(parts, 4)).toBe("req…");
  });
});
