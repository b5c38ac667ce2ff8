import type { FailureReason } from "../observer/router-observer.js";
import type { KeyHealthRecord } from "../state/key-health.js";

const READY: KeyHealthRecord = Object.freeze({ cooldownUntil: 0 });

/** A key answered 429 (`rate_limited`) or was refused (`auth`): skipped until `until`, never shortened. */
export function coolKey(
  record: KeyHealthRecord | undefined,
  facts: {
    readonly until: number;
    readonly reason: "rate_limited" | "auth";
    readonly status?: number;
    readonly message?: string;
    readonly at: number;
  },
): KeyHealthRecord {
  const current = record ?? READY;
  const lastError = {
    reason: facts.reason as FailureReason,
    status: facts.status,
    message: facts.message,
    at: facts.at,
  };
  if (current.cooldownUntil > facts.until) return { ...current, lastError };
  return { cooldownUntil: facts.until, cooldownReason: facts.reason, lastError };
}

/** A reloaded config may carry a fixed or renewed key: a refused key is put back, a rate limit stays. */
export function liftKeyAuth(record: KeyHealthRecord | undefined): KeyHealthRecord {
  const current = record ?? READY;
  return current.cooldownReason === "auth"
    ? { ...current, cooldownUntil: 0, cooldownReason: undefined }
    : current;
}
