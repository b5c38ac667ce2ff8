import { describe, expect, it } from "vitest";
import { LocalKeyUsage, usageInLastMinute } from "./key-usage.js";

const MINUTE = 60_000;

describe("usageInLastMinute", () => {
  it("counts all of the current minute and the share of the previous one still inside the window", () => {
    const buckets = { current: { requests: 2, tokens: 100 }, previous: { requests: 10, tokens: 1000 } };
    expect(usageInLastMinute(buckets, 5 * MINUTE)).toEqual({ requests: 12, tokens: 1100 });
    expect(usageInLastMinute(buckets, 5 * MINUTE + 45_000)).toEqual({ requests: 4.5, tokens: 350 });
  });

  it("is never negative, even when corrections outweigh the counts", () => {
    const buckets = { current: { requests: 0, tokens: -50 }, previous: { requests: 0, tokens: 0 } };
    expect(usageInLastMinute(buckets, 0).tokens).toBe(0);
  });
});

describe("LocalKeyUsage", () => {
  it("keeps the current and previous minute of each key, and forgets older ones", () => {
    const usage = new LocalKeyUsage();
    usage.add("z#1", MINUTE + 1, { requests: 1, tokens: 10 });
    usage.add("z#1", MINUTE + 2, { requests: 1, tokens: -4 });
    usage.add("z#2", MINUTE + 3, { requests: 1, tokens: 1 });
    expect(usage.buckets("z#1", MINUTE + 10)).toEqual({
      current: { requests: 2, tokens: 6 },
      previous: { requests: 0, tokens: 0 },
    });
    expect(usage.buckets("z#1", 2 * MINUTE + 10)).toEqual({
      current: { requests: 0, tokens: 0 },
      previous: { requests: 2, tokens: 6 },
    });
    usage.add("z#1", 2 * MINUTE + 20, { requests: 3, tokens: 30 });
    expect(usage.buckets("z#1", 2 * MINUTE + 30)).toEqual({
      current: { requests: 3, tokens: 30 },
      previous: { requests: 2, tokens: 6 },
    });
    expect(usage.buckets("z#1", 4 * MINUTE)).toEqual({
      current: { requests: 0, tokens: 0 },
      previous: { requests: 0, tokens: 0 },
    });
    expect(usage.buckets("unknown", MINUTE).current).toEqual({ requests: 0, tokens: 0 });
  });
});
