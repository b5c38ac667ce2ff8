import * as v from "valibot";
import { parseRecord, type SharedRecord } from "./record-ids.js";

const messageSchema = v.object({
  epoch: v.string(),
  id: v.string(),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  ttlMs: v.number(),
  origin: v.string(),
  record: v.string(),
});

/** A change announced on the channel: which record (a tier's or a key's), its new value and version, who wrote it. */
export interface ChangeMessage {
  readonly epoch: string;
  readonly id: string;
  readonly version: number;
  readonly ttlMs: number;
  readonly origin: string;
  readonly record: SharedRecord;
}

export function parseChangeMessage(text: string): ChangeMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = v.safeParse(messageSchema, value);
  if (!result.success) return undefined;
  const record = parseRecord(result.output.id, result.output.record);
  return record ? { ...result.output, record } : undefined;
}
