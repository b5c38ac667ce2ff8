import type { TierHealthRecord } from "@ccr/router";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_RECORD, sameSharedFields, withOwnFields } from "./shared-fields.js";

const lastError = fc.record({
  reason: fc.constantFrom("rate_limited", "server_error", "auth"),
  status: fc.option(fc.integer({ min: 400, max: 599 }), { nil: undefined }),
  at: fc.nat(),
});

const record: fc.Arbitrary<TierHealthRecord> = fc.record(
  {
    cooldownUntil: fc.nat(),
    cooldownReason: fc.constantFrom("rate_limited", "auth"),
    circuit: fc.constantFrom("closed", "open", "half_open"),
    openUntil: fc.nat(),
    probeStartedAt: fc.nat(),
    consecutiveFailures: fc.nat({ max: 10 }),
    latencyEwmaMs: fc.double({ min: 0, max: 10_000, noNaN: true }),
    lastError,
  },
  { requiredKeys: ["cooldownUntil", "circuit", "openUntil", "consecutiveFailures"] },
) as fc.Arbitrary<TierHealthRecord>;

const SHARED = ["cooldownUntil", "circuit", "openUntil", "probeStartedAt", "consecutiveFailures"] as const;

describe("sameSharedFields", () => {
  it("ignores what each replica keeps for itself: latency and the last error", () => {
    fc.assert(
      fc.property(record, fc.double({ min: 0, max: 1e4, noNaN: true }), lastError, (base, latency, error) => {
        expect(sameSharedFields(base, { ...base, latencyEwmaMs: latency, lastError: error })).toBe(true);
      }),
    );
  });

  it("sees any change to a shared field", () => {
    fc.assert(
      fc.property(record, fc.constantFrom(...SHARED), (base, field) => {
        const changed = {
          ...base,
          [field]: field === "circuit" ? `${base.circuit}!` : (base[field] ?? 0) + 1,
        };
        expect(sameSharedFields(base, changed as TierHealthRecord)).toBe(false);
      }),
    );
  });

  it("treats a missing field and an undefined one alike, and shares fields it does not know", () => {
    expect(sameSharedFields(NO_RECORD, { ...NO_RECORD, probeStartedAt: undefined })).toBe(true);
    expect(sameSharedFields(NO_RECORD, { ...NO_RECORD, cooldownReason: "auth" })).toBe(false);
    expect(sameSharedFields(NO_RECORD, { ...NO_RECORD, keyBudget: { used: 1 } } as TierHealthRecord)).toBe(
      false,
    );
  });
});

describe("withOwnFields", () => {
  it("shows this replica's latency and the newer last error over the shared record's", () => {
    const shared: TierHealthRecord = {
      ...NO_RECORD,
      consecutiveFailures: 2,
      latencyEwmaMs: 900,
      lastError: { reason: "server_error", at: 10 },
    };
    expect(withOwnFields(shared, { latencyEwmaMs: 120, lastError: { reason: "rejected", at: 5 } })).toEqual({
      ...shared,
      latencyEwmaMs: 120,
      lastError: { reason: "server_error", at: 10 },
    });
    expect(withOwnFields(shared, { lastError: { reason: "rejected", at: 20 } })).toMatchObject({
      latencyEwmaMs: 900,
      lastError: { reason: "rejected", at: 20 },
    });
  });
});
