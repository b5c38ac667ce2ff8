import * as v from "valibot";
import type { ConfigIssue } from "../issues/config-issue.js";
import { describeValue } from "../issues/describe-value.js";
import { formatJsonPath, type PathSegment } from "../issues/json-path.js";
import { didYouMean } from "../issues/suggest.js";
import type { RawProvider } from "../schema/raw-config-schema.js";
import { numberSetting } from "../schema/schema-values.js";
import type { ProviderKey } from "../types.js";

const KEY_ENTRY_FIELDS = ["key", "rpm", "tpm"];
const perMinute = numberSetting({ integer: true, min: 0, exclusiveMin: true });

export interface NormalizedKeys {
  /** The single key, or the first key of the pool. */
  readonly apiKey?: string;
  readonly keyPool?: readonly ProviderKey[];
  readonly errors: readonly ConfigIssue[];
}

/**
 * A provider's keys: `api_key` as one string (no pool), or a key pool from `api_key` written as a list or
 * from `api_keys`. Each entry is a key or `{"key": ..., "rpm": ..., "tpm": ...}`; ids are `<provider>#<n>`,
 * unique since provider names are. Issues never repeat a key.
 */
export function normalizeKeyPool(raw: RawProvider, at: readonly PathSegment[]): NormalizedKeys {
  const listed = Array.isArray(raw.api_key) ? raw.api_key : undefined;
  if (raw.api_keys !== undefined && raw.api_key !== undefined) {
    return {
      errors: [
        {
          path: formatJsonPath([...at, "api_keys"]),
          message: "cannot be used together with api_key",
          suggestion: "list every key in api_keys and remove api_key",
        },
      ],
    };
  }
  const field = listed ? "api_key" : "api_keys";
  const entries = listed ?? raw.api_keys;
  if (entries === undefined) return { apiKey: raw.api_key as string | undefined, errors: [] };

  const errors: ConfigIssue[] = [];
  if (entries.length === 0) {
    errors.push({
      path: formatJsonPath([...at, field]),
      message: "must list at least one key",
      received: "an empty list",
    });
  }
  const keys: ProviderKey[] = [];
  const firstIndex = new Map<string, number>();
  entries.forEach((entry, index) => {
    const path = [...at, field, index];
    const parsed = keyEntry(entry, path, errors);
    if (parsed === undefined) return;
    const earlier = firstIndex.get(parsed.key);
    if (earlier !== undefined) {
      errors.push({
        path: formatJsonPath(path),
        message: `is the same key as ${formatJsonPath([...at, field, earlier])}`,
        suggestion: "list each key once: copies of one key share its rate limits",
      });
      return;
    }
    firstIndex.set(parsed.key, index);
    keys.push({ id: `${raw.name}#${index + 1}`, ...parsed });
  });
  if (errors.length > 0) return { errors };
  return { apiKey: keys[0]?.key, keyPool: keys, errors };
}

function keyEntry(
  entry: unknown,
  at: readonly PathSegment[],
  errors: ConfigIssue[],
): Omit<ProviderKey, "id"> | undefined {
  if (typeof entry === "string") return keyText(entry, at, errors);
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    errors.push({
      path: formatJsonPath(at),
      message: 'must be a key or {"key": ..., "rpm": ..., "tpm": ...}',
      // Not the value itself: a number there may well be a key.
      received: entry === null ? "null" : Array.isArray(entry) ? "a list" : `a ${typeof entry}`,
    });
    return undefined;
  }
  const fields = entry as Record<string, unknown>;
  const before = errors.length;
  for (const name of Object.keys(fields)) {
    if (KEY_ENTRY_FIELDS.includes(name)) continue;
    const suggestion = didYouMean(name, KEY_ENTRY_FIELDS);
    errors.push({
      path: formatJsonPath([...at, name]),
      message: "unknown key of a key entry (expected key, rpm, tpm)",
      ...(suggestion !== undefined && { suggestion }),
    });
  }
  const key = keyField(fields.key, [...at, "key"], errors);
  const rpm = budget(fields.rpm, [...at, "rpm"], errors);
  const tpm = budget(fields.tpm, [...at, "tpm"], errors);
  if (key === undefined || errors.length > before) return undefined;
  return { ...key, ...(rpm !== undefined && { rpm }), ...(tpm !== undefined && { tpm }) };
}

function keyField(
  value: unknown,
  at: readonly PathSegment[],
  errors: ConfigIssue[],
): { key: string } | undefined {
  if (typeof value === "string") return keyText(value, at, errors);
  errors.push(
    value === undefined
      ? { path: formatJsonPath(at), message: "is required" }
      : {
          path: formatJsonPath(at),
          message: "must be a string",
          received: value === null ? "null" : `a ${typeof value}`,
        },
  );
  return undefined;
}

function keyText(
  text: string,
  at: readonly PathSegment[],
  errors: ConfigIssue[],
): { key: string } | undefined {
  if (text.trim() !== "") return { key: text };
  errors.push({
    path: formatJsonPath(at),
    message: "is empty",
    suggestion: "a key in a list must be set: remove the entry, or export its variable with the key",
  });
  return undefined;
}

function budget(value: unknown, at: readonly PathSegment[], errors: ConfigIssue[]): number | undefined {
  if (value === undefined) return undefined;
  const parsed = v.safeParse(perMinute, value);
  if (parsed.success) return parsed.output;
  errors.push({
    path: formatJsonPath(at),
    message: "must be an integer greater than 0 (per minute)",
    received: describeValue(value),
  });
  return undefined;
}
