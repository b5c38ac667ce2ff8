import type { TierLastError } from "./tier-health.js";

/**
 * Health of one key of a provider's key pool, as kept in a {@link TierStateStore} under the key's id
 * (`zai#2`). Plain data, so any store can serialize it. A key's state is the provider's, shared by every
 * tier of that provider: rate limits and credentials belong to the key, not to a model.
 */
export interface KeyHealthRecord {
  /** Epoch ms until which the key is not used; 0 when it is usable. */
  readonly cooldownUntil: number;
  /**
   * `rate_limited`: the provider answered 429 with this key (its Retry-After). `auth`: the provider refused
   * the key (401/402/403): out of service until then, or until a config reload.
   */
  readonly cooldownReason?: "rate_limited" | "auth";
  readonly lastError?: TierLastError;
}

/** What a key is doing, as people read it. */
export type KeyState = "ready" | "cooling" | "out" | "over_budget";

/** Requests and tokens counted against a budget over the last minute, and the budget. */
export interface KeyBudgetUse {
  readonly used: number;
  readonly limit: number;
}

/** One key of a pool as shown to people (`/api/stats`, `ccr status`, the dashboard): by id, never the key. */
export interface KeyHealth {
  /** `provider#n`. */
  readonly id: string;
  readonly state: KeyState;
  /** Epoch ms until which a cooling, out or over-budget key is skipped. */
  readonly until?: number;
  readonly rpm?: KeyBudgetUse;
  readonly tpm?: KeyBudgetUse;
  readonly lastError?: TierLastError;
}
