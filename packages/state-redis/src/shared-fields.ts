import type { KeyHealthRecord, TierHealthRecord, TierLastError } from "@ccr/router";

/**
 * Fields a replica keeps for itself. Everything else in a {@link TierHealthRecord} (cooldown, circuit,
 * openUntil, the probe, consecutive failures, and any field added later) or a {@link KeyHealthRecord}
 * (cooldown and its reason) is shared through Redis. Latency is measured by each replica on its own
 * requests; the last error is informative only.
 */
export interface OwnFields {
  readonly latencyEwmaMs?: number;
  readonly lastError?: TierLastError;
}

/** What a tier without a record stands for: healthy (the router's own `HEALTHY`, which it does not export). */
export const NO_RECORD: TierHealthRecord = Object.freeze({
  cooldownUntil: 0,
  circuit: "closed",
  openUntil: 0,
  consecutiveFailures: 0,
});

/** What a pooled key without a record stands for: usable. */
export const NO_KEY_RECORD: KeyHealthRecord = Object.freeze({ cooldownUntil: 0 });

/** Either kind of record; the rules below only look at field names. */
type AnyRecord = TierHealthRecord | KeyHealthRecord;

const OWN_FIELDS: ReadonlySet<string> = new Set<keyof OwnFields>(["latencyEwmaMs", "lastError"]);

/**
 * Whether `a` and `b` agree on every shared field. An update whose result agrees with its input (a
 * success on a healthy tier only moves the latency average) needs no Redis write: this is the rule that
 * keeps the request path free of round trips.
 */
export function sameSharedFields(a: AnyRecord, b: AnyRecord): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (OWN_FIELDS.has(key)) continue;
    const left = (a as unknown as Record<string, unknown>)[key];
    const right = (b as unknown as Record<string, unknown>)[key];
    if (Object.is(left, right)) continue;
    if (typeof left !== "object" || typeof right !== "object" || left === null || right === null)
      return false;
    if (JSON.stringify(left) !== JSON.stringify(right)) return false;
  }
  return true;
}

export function ownFields(record: AnyRecord): OwnFields {
  return { latencyEwmaMs: (record as TierHealthRecord).latencyEwmaMs, lastError: record.lastError };
}

/**
 * A shared record seen through this replica's own measurements: its own latency when it has one, and
 * the newer of the two last errors (a failure another replica saw is worth showing here too).
 */
export function withOwnFields<T extends AnyRecord>(shared: T, own: OwnFields): T {
  const latencyEwmaMs = own.latencyEwmaMs ?? (shared as TierHealthRecord).latencyEwmaMs;
  const lastError = newer(shared.lastError, own.lastError);
  const { latencyEwmaMs: _latency, lastError: _error, ...rest } = shared as TierHealthRecord;
  return {
    ...rest,
    ...(latencyEwmaMs === undefined ? {} : { latencyEwmaMs }),
    ...(lastError === undefined ? {} : { lastError }),
  } as T;
}

function newer(a: TierLastError | undefined, b: TierLastError | undefined): TierLastError | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.at >= a.at ? b : a;
}
