import type { ChainTier } from "@ccr/config";
import type { FailureReason } from "../observer/router-observer.js";

/** How one tier of the chain failed a request, or why it was skipped. */
export interface TierFailure {
  readonly tier: ChainTier;
  /** `unsuitable`: not tried, its model cannot take the request (see unsuitableTiers). */
  readonly reason: FailureReason | "cooling" | "circuit_open" | "unsuitable";
  readonly status?: number;
  readonly message: string;
  /** Epoch ms until which the tier is unavailable (cooldown or open circuit), when known. */
  readonly until?: number;
  /** For skipped cooling tiers: what put them there. */
  readonly cooldownReason?: FailureReason;
  /** The upstream could not be reached at all (connection refused, no such host). */
  readonly unreachable?: boolean;
}
