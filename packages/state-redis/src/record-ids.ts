import type { KeyHealthRecord, TierHealthRecord } from "@ccr/router";
import { parseKeyRecord } from "./key-record-schema.js";
import { NO_KEY_RECORD, NO_RECORD } from "./shared-fields.js";
import { parseTierRecord } from "./tier-record-schema.js";

/** Any record the store shares: a tier's health or a pooled key's. */
export type SharedRecord = TierHealthRecord | KeyHealthRecord;

// Records of both kinds live side by side under one prefix, told apart by the start of their id: a tier
// `zai,glm-4.6` is `tier:zai,glm-4.6`, a key `zai#2` is `key:zai#2`. The Redis key is the prefix and this id.
const TIER = "tier:";
const KEY = "key:";

export const tierRecordId = (tierId: string) => `${TIER}${tierId}`;
export const keyRecordId = (keyId: string) => `${KEY}${keyId}`;

/** What a record id with no record stands for: a healthy tier, or a usable key. */
export function emptyRecord(recordId: string): SharedRecord {
  return recordId.startsWith(KEY) ? NO_KEY_RECORD : NO_RECORD;
}

/** Parses a stored record of the kind its id says; undefined when unreadable or of an unknown kind. */
export function parseRecord(recordId: string, json: string): SharedRecord | undefined {
  if (recordId.startsWith(TIER)) return parseTierRecord(json);
  if (recordId.startsWith(KEY)) return parseKeyRecord(json);
  return undefined;
}
