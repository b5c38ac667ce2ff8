import { describe, expect, it } from "vitest";
import { MAX_RETRY_AFTER_MS, parseRetryAfter, retryAfterFromHeaders } from "./parse-retry-after.js";

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

describe("parseRetryAfter", () => {
  it("reads delta-seconds, including fractions", () => {
    expect(parseRetryAfter("7", NOW)).toBe(7000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
    expect(parseRetryAfter("1.5", NOW)).toBe(1500);
  });

  it("reads an HTTP-date relative to now, and a past date as no wait", () => {
    expect(parseRetryAfter("Thu, 01 Jan 2026 12:00:30 GMT", NOW)).toBe(30_000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 11:59:00 GMT", NOW)).toBe(0);
  });

  it("caps long waits", () => {
    expect(parseRetryAfter("86400", NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter("Fri, 02 Jan 2026 12:00:00 GMT", NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter("120", NOW, 60_000)).toBe(60_000);
  });

  it("returns undefined for missing or garbage values", () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter("", NOW)).toBeUndefined();
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
    expect(parseRetryAfter("-5", NOW)).toBeUndefined();
    expect(parseRetryAfter("1e3", NOW)).toBeUndefined();
  });
});

const reply = (init?: Record<string, string>) => {
  const headers = new Headers(init);
  return { header: (name: string) => headers.get(name) ?? undefined };
};

describe("retryAfterFromHeaders", () => {
  it("prefers retry-after-ms over retry-after", () => {
    expect(retryAfterFromHeaders(reply({ "retry-after-ms": "250", "retry-after": "9" }), NOW)).toBe(250);
    expect(retryAfterFromHeaders(reply({ "retry-after": "9" }), NOW)).toBe(9000);
    expect(retryAfterFromHeaders(reply({ "retry-after-ms": "x", "retry-after": "2" }), NOW)).toBe(2000);
    expect(retryAfterFromHeaders(reply(), NOW)).toBeUndefined();
  });
});
