import type { KeyHealthRecord } from "@ccr/router";
import * as v from "valibot";
import { lastErrorSchema, parseStoredJson, timestampSchema } from "./stored-json.js";

// As for tier records: check what the router acts on, keep what this version does not know.
const keyRecordSchema = v.looseObject({
  cooldownUntil: timestampSchema,
  cooldownReason: v.optional(v.string()),
  lastError: v.optional(lastErrorSchema),
});

/** Parses a pooled key's record as stored in Redis; undefined when it is not JSON or not a key record. */
export function parseKeyRecord(json: string): KeyHealthRecord | undefined {
  return parseStoredJson(json, keyRecordSchema) as KeyHealthRecord | undefined;
}
