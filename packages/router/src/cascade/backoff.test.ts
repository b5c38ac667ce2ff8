import type { RetryPolicy } from "@ccr/config";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff.js";

const policy = (base: number, multiplier: number, max: number): RetryPolicy => ({
  maxRetries: 3,
  baseBackoffMs: base,
  backoffMultiplier: multiplier,
  maxBackoffMs: max,
});

describe("backoffDelay", () => {
  it("stays within [0, min(max, base * multiplier^n)] for any policy, retry and random draw", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 600_000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (base, multiplier, max, retry, draw) => {
          const delay = backoffDelay(policy(base, multiplier, max), retry, () => draw);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(base === 0 ? 0 : Math.min(max, base * multiplier ** retry));
          expect(Number.isInteger(delay)).toBe(true);
        },
      ),
    );
  });

  it("grows exponentially up to the cap (full jitter: the draw scales the ceiling)", () => {
    const p = policy(100, 2, 1000);
    const almostOne = () => 0.999999;
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(p, n, almostOne))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(p, 3, () => 0)).toBe(0);
    expect(backoffDelay(p, 1, () => 0.5)).toBe(100);
  });
});
