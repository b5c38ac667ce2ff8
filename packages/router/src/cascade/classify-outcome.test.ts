import { UpstreamResponseError } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { classifyErrorType, classifyStatus, classifyUpstreamError } from "./classify-outcome.js";

describe("classifyStatus: the cascade table", () => {
  it.each([
    [408, "server_error", "retry", true],
    [500, "server_error", "retry", true],
    [502, "server_error", "retry", true],
    [503, "overloaded", "retry", true],
    [504, "server_error", "retry", true],
    [529, "overloaded", "retry", true],
    [429, "rate_limited", "rate_limited", false],
    [401, "auth", "disable", false],
    [402, "auth", "disable", false],
    [403, "auth", "disable", false],
    [404, "auth", "disable", false],
    [400, "rejected", "next", false],
    [413, "rejected", "next", false],
    [422, "rejected", "next", false],
    [409, "rejected", "next", false],
    [501, "server_error", "next", true],
  ])("%i → %s / %s (counts against health: %s)", (status, reason, disposition, counts) => {
    expect(classifyStatus(status, "m")).toMatchObject({
      status,
      reason,
      disposition,
      countsAgainstHealth: counts,
    });
  });

  it("keeps the Retry-After wait of a 429", () => {
    expect(classifyStatus(429, "m", 3000).retryAfterMs).toBe(3000);
  });
});

describe("classifyUpstreamError: errors inside a 200", () => {
  it("classifies by error type first", () => {
    expect(
      classifyUpstreamError(new UpstreamResponseError({ status: 429, message: "quota" }), 2000),
    ).toMatchObject({ reason: "rate_limited", disposition: "rate_limited", retryAfterMs: 2000 });
    expect(classifyUpstreamError(new UpstreamResponseError({ status: 529, message: "busy" }))).toMatchObject({
      reason: "overloaded",
      disposition: "retry",
    });
    expect(
      classifyUpstreamError(new UpstreamResponseError({ status: 400, message: "context too long" })),
    ).toMatchObject({
      reason: "rejected",
      disposition: "next",
      message: "context too long",
    });
    expect(classifyUpstreamError(new UpstreamResponseError({ status: 500, message: "oops" }))).toMatchObject({
      reason: "server_error",
      disposition: "retry",
    });
  });
});

describe("classifyErrorType: an error frame before any content", () => {
  it.each([
    ["rate_limit_error", "rate_limited", "rate_limited"],
    ["overloaded_error", "overloaded", "retry"],
    ["api_error", "server_error", "retry"],
    ["authentication_error", "auth", "disable"],
    ["invalid_request_error", "rejected", "next"],
    ["request_too_large", "rejected", "next"],
    ["something_new", "server_error", "retry"],
  ] as const)("%s → %s, %s", (type, reason, disposition) => {
    expect(classifyErrorType(type, "m")).toMatchObject({ reason, disposition, message: "m" });
  });
});
