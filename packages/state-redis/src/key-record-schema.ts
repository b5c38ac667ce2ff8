import type { KeyHealthRecord } from "@ccr/router";
import * as v from "valibot";

// As for tier records: check what the router acts on, keep what this version does not know.
const timestamp = v.pipe(v.number(), v.finite());
const keyRecordSchema = v.looseObject({
  cooldownUntil: timestamp,
  cooldownReason: v.optional(v.string()),
  lastError: v.optional(
    v.looseObject({
      reason: v.string(),
      status: v.optional(v.number()),
      message: v.optional(v.string()),
      at: timestamp,
    }),
  ),
});

/** Parses a pooled key's record as stored in Redis; undefined when it is not JSON or not a key record. */
export function parseKeyRecord(json: string): KeyHealthRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const result = v.safeParse(keyRecordSchema, value);
  return result.success ? (result.output as KeyHealthRecord) : undefined;
}
