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

const messageSchema = v.object({
  epoch: v.string(),
  id: v.string(),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  ttlMs: v.number(),
  origin: v.string(),
  record: v.string(),
});

/** A change announced on the channel: which tier, its new record and version, and who wrote it. */
export interface TierChangeMessage {
  readonly epoch: string;
  readonly id: string;
  readonly version: number;
  readonly ttlMs: number;
  readonly origin: string;
  readonly record: TierHealthRecord;
}

export function parseTierChangeMessage(text: string): TierChangeMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = v.safeParse(messageSchema, value);
  if (!result.success) return undefined;
  const record = parseTierRecord(result.output.record);
  return record ? { ...result.output, record } : undefined;
}
