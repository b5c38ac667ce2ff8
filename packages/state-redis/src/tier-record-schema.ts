import type { TierHealthRecord } from "@ccr/router";
import * as v from "valibot";

// Records come from other replicas, possibly of another version: check what the circuit breaker relies
// on and keep any field this version does not know (it is written back untouched).
const timestamp = v.pipe(v.number(), v.finite());

const recordSchema = v.looseObject({
  cooldownUntil: timestamp,
  // A reason this version does not know is only shown, never acted on.
  cooldownReason: v.optional(v.string()),
  circuit: v.picklist(["closed", "open", "half_open"]),
  openUntil: timestamp,
  probeStartedAt: v.optional(timestamp),
  consecutiveFailures: v.pipe(v.number(), v.integer(), v.minValue(0)),
  latencyEwmaMs: v.optional(timestamp),
  lastError: v.optional(
    v.looseObject({
      reason: v.string(),
      status: v.optional(v.number()),
      message: v.optional(v.string()),
      at: timestamp,
    }),
  ),
});

/** Parses a record as stored in Redis; undefined when it is not JSON or not a tier record. */
export function parseTierRecord(json: string): TierHealthRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const result = v.safeParse(recordSchema, value);
  return result.success ? (result.output as TierHealthRecord) : undefined;
}
