import type { ChainTier } from "@ccr/config";
import { toAnthropicErrorBody } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { allTiersFailed, type FailedAnswer } from "./all-tiers-failed.js";
import type { TierFailure } from "./tier-failure.js";

const tier = (id: string, index: number): ChainTier => {
  const [provider = "", model = ""] = id.split(",");
  return {
    id,
    provider,
    model,
    index,
    retry: { maxRetries: 0, baseBackoffMs: 0, backoffMultiplier: 2, maxBackoffMs: 0 },
  };
};
const a = tier("a,m1", 0);
const b = tier("b,m2", 1);
const NOW = 1_000_000;

/** The answer in Anthropic's error shape, as the Anthropic ingress writes it. */
const bodyOf = (answer: FailedAnswer) => toAnthropicErrorBody(answer.status, answer.message);

describe("allTiersFailed", () => {
  it("answers 429 with retry-after at the earliest cooldown end when every tier is rate-limited or cooling", () => {
    const answer = allTiersFailed(
      [
        { tier: a, reason: "rate_limited", status: 429, message: "slow down", until: NOW + 12_500 },
        {
          tier: b,
          reason: "cooling",
          message: "cooling down",
          until: NOW + 4_200,
          cooldownReason: "rate_limited",
        },
      ],
      NOW,
    );
    expect(answer).toMatchObject({ status: 429, retryAfterSeconds: 5, outcome: "rate_limited" });
    expect(bodyOf(answer).error.type).toBe("rate_limit_error");
  });

  it("answers 529 overloaded_error when every tier is overloaded, down or open", () => {
    const answer = allTiersFailed(
      [
        { tier: a, reason: "overloaded", status: 529, message: "busy" },
        { tier: b, reason: "circuit_open", message: "circuit open", until: NOW + 30_000 },
      ],
      NOW,
    );
    expect(answer.status).toBe(529);
    expect(bodyOf(answer).error).toEqual({
      type: "overloaded_error",
      message: "every tier is overloaded or unavailable: a,m1: 529 busy; b,m2: circuit open",
    });
  });

  it("returns the first rejecting tier's own status and message", () => {
    const failures: TierFailure[] = [
      {
        tier: a,
        reason: "rejected",
        status: 400,
        message: "This model's maximum context length is 128000 tokens",
      },
      { tier: b, reason: "rejected", status: 413, message: "too large" },
    ];
    const answer = allTiersFailed(failures, NOW);
    expect(answer).toMatchObject({ status: 400, outcome: "client_error", failure: failures[0] });
    expect(bodyOf(answer).error).toEqual({
      type: "invalid_request_error",
      message: "This model's maximum context length is 128000 tokens",
    });
    expect(
      allTiersFailed([{ tier: a, reason: "overloaded", status: 503, message: "x" }, failures[1]!], NOW)
        .status,
    ).toBe(413);
  });

  it("names the provider whose credentials failed, as a 502 rather than a 401 Claude Code would take as its own", () => {
    const answer = allTiersFailed(
      [
        { tier: a, reason: "auth", status: 401, message: "invalid api key" },
        { tier: b, reason: "overloaded", status: 529, message: "busy" },
      ],
      NOW,
    );
    expect(answer.status).toBe(502);
    expect(bodyOf(answer).error.message).toMatch(
      /^provider "a" refused the request \(401\): check its api_key/,
    );
  });
});
