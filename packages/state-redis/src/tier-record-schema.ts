import type { TierHealthRecord } from "@ccr/router";
import * as v from "valibot";
import { lastErrorSchema, parseStoredJson, timestampSchema } from "./stored-json.js";

// Records come from other replicas, possibly of another version: check what the circuit breaker relies
// on and keep any field this version does not know (it is written back untouched).
const recordSchema = v.looseObject({
  cooldownUntil: timestampSchema,
  // A reason this version does not know is only shown, never acted on.
  cooldownReason: v.optional(v.string()),
  circuit: v.picklist(["closed", "open", "half_open"]),
  openUntil: timestampSchema,
  probeStartedAt: v.optional(timestampSchema),
  consecutiveFailures: v.pipe(v.number(), v.integer(), v.minValue(0)),
  latencyEwmaMs: v.optional(timestampSchema),
  lastError: v.optional(lastErrorSchema),
});

/** Parses a record as stored in Redis; undefined when it is not JSON or not a tier record. */
export function parseTierRecord(json: string): TierHealthRecord | undefined {
  return parseStoredJson(json, recordSchema) as TierHealthRecord | undefined;
}
