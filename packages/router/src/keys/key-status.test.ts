import type { ProviderKey } from "@ccr/config";
import { describe, expect, it } from "vitest";
import { keyStatus, MIN_KEY_WEIGHT, RECOVERING_MS } from "./key-status.js";

const NOW = 10 * 60_000 + 15_000;
const key = (budgets: Partial<ProviderKey> = {}): ProviderKey => ({ id: "z#1", key: "k", ...budgets });
const none = { requests: 0, tokens: 0 };

describe("keyStatus", () => {
  it("a key with no record and no budget is ready at full weight", () => {
    expect(keyStatus(key(), undefined, none, 500, NOW)).toEqual({ kind: "ready", weight: 1 });
  });

  it("a key cooling after a 429 is skipped until then; a refused key is out", () => {
    const until = NOW + 30_000;
    expect(keyStatus(key(), { cooldownUntil: until, cooldownReason: "rate_limited" }, none, 0, NOW)).toEqual({
      kind: "cooling",
      until,
    });
    expect(keyStatus(key(), { cooldownUntil: until, cooldownReason: "auth" }, none, 0, NOW)).toEqual({
      kind: "out",
      until,
    });
  });

  it("a key back from a rate limit less than a minute ago gets half its turns", () => {
    const ended = { cooldownUntil: NOW - 1_000, cooldownReason: "rate_limited" as const };
    expect(keyStatus(key(), ended, none, 0, NOW)).toEqual({ kind: "ready", weight: 0.5 });
    const long = { ...ended, cooldownUntil: NOW - RECOVERING_MS - 1 };
    expect(keyStatus(key(), long, none, 0, NOW)).toEqual({ kind: "ready", weight: 1 });
  });

  it("a key whose rpm or tpm this request would exceed is over budget until the next minute", () => {
    const nextMinute = 11 * 60_000;
    expect(keyStatus(key({ rpm: 10 }), undefined, { requests: 10, tokens: 0 }, 0, NOW)).toEqual({
      kind: "over_budget",
      until: nextMinute,
    });
    expect(keyStatus(key({ tpm: 1000 }), undefined, { requests: 0, tokens: 800 }, 201, NOW)).toEqual({
      kind: "over_budget",
      until: nextMinute,
    });
    expect(keyStatus(key({ tpm: 1000 }), undefined, { requests: 0, tokens: 800 }, 200, NOW).kind).toBe(
      "ready",
    );
  });

  it("weighs a budgeted key by its headroom under the tightest budget, never below the minimum", () => {
    expect(keyStatus(key({ rpm: 10 }), undefined, { requests: 4, tokens: 0 }, 0, NOW)).toEqual({
      kind: "ready",
      weight: 0.5,
    });
    const weight = (status: ReturnType<typeof keyStatus>) => (status.kind === "ready" ? status.weight : 0);
    expect(
      weight(keyStatus(key({ rpm: 10, tpm: 1000 }), undefined, { requests: 0, tokens: 700 }, 100, NOW)),
    ).toBeCloseTo(0.2);
    expect(weight(keyStatus(key({ rpm: 100 }), undefined, { requests: 99, tokens: 0 }, 0, NOW))).toBe(
      MIN_KEY_WEIGHT,
    );
  });
});
