import type { FailureReason, RequestOutcome } from "../observer/router-observer.js";
import type { TierFailure } from "./tier-failure.js";

export interface FailedAnswer {
  readonly status: number;
  /** What the client is told; the ingress writes it in the client's error shape. */
  readonly message: string;
  /** `retry-after` when every tier was rate-limited. */
  readonly retryAfterSeconds?: number;
  /** The tier whose own error is returned, when one is. */
  readonly failure?: TierFailure;
  readonly outcome: RequestOutcome;
  readonly reason?: FailureReason;
}

type FailureClass = "rate" | "down" | "unreachable" | "auth" | "rejected";

/**
 * The client's answer when no tier could serve the request (failures in chain order):
 * - every tier rate-limited or cooling after a rate limit → 429 with `retry-after` = the earliest end;
 * - every tier's provider unreachable (connection refused, no such host) → 502 api_error saying so: nothing
 *   is overloaded, and a retry will not help until the provider is started or the config fixed;
 * - every tier rate-limited, overloaded, down, unreachable or open-circuit → 529 overloaded_error;
 * - some tier rejected the request (400/413/422...) → the first such tier's own status and message,
 *   so a context-length error reads as one;
 * - otherwise (a provider refused its credentials) → 502 naming the provider: passing a 401 on
 *   would make Claude Code ask the user to log in again, which would not help.
 */
export function allTiersFailed(all: readonly TierFailure[], now: number): FailedAnswer {
  // A tier skipped as unsuitable says nothing about whether the request can be served: the tried ones decide.
  const tried = all.filter((failure) => failure.reason !== "unsuitable");
  const failures = tried.length > 0 ? tried : all;
  const classes = failures.map(classify);
  const earliest = Math.min(...failures.map((failure) => failure.until ?? Number.POSITIVE_INFINITY));
  const retryAfterSeconds = Number.isFinite(earliest)
    ? Math.max(1, Math.ceil((earliest - now) / 1000))
    : undefined;
  const summary = failures.map(describe).join("; ");

  if (classes.every((c) => c === "rate")) {
    return {
      status: 429,
      message: `every tier is rate-limited: ${summary}`,
      retryAfterSeconds: retryAfterSeconds ?? 1,
      outcome: "rate_limited",
      reason: "rate_limited",
    };
  }
  if (classes.every((c) => c === "unreachable")) {
    return {
      status: 502,
      message: `every tier's provider is unreachable: ${summary}`,
      outcome: "upstream_error",
      reason: "connection",
    };
  }
  if (classes.every((c) => c === "rate" || c === "down" || c === "unreachable")) {
    return {
      status: 529,
      message: `every tier is overloaded or unavailable: ${summary}`,
      retryAfterSeconds,
      outcome: "upstream_error",
      reason: lastReason(failures),
    };
  }
  const rejected = failures[classes.indexOf("rejected")];
  if (rejected) {
    const status = rejected.status ?? 400;
    return {
      status,
      message: rejected.message,
      failure: rejected,
      outcome: "client_error",
      reason: "rejected",
    };
  }
  const auth = failures[classes.indexOf("auth")]!;
  return {
    status: 502,
    message:
      `provider "${auth.tier.provider}" refused the request (${auth.status ?? "cooling after an earlier refusal"}): ` +
      `check its api_key, credit and model name in the config. All tiers: ${summary}`,
    failure: auth,
    outcome: "upstream_error",
    reason: "auth",
  };
}

function classify(failure: TierFailure): FailureClass {
  const reason = failure.reason === "cooling" ? (failure.cooldownReason ?? "rate_limited") : failure.reason;
  switch (reason) {
    case "rate_limited":
      return "rate";
    case "auth":
      return "auth";
    case "connection":
      return failure.unreachable ? "unreachable" : "down";
    case "rejected":
    case "unsuitable":
      return "rejected";
    default:
      return "down";
  }
}

function lastReason(failures: readonly TierFailure[]): FailureReason | undefined {
  for (let i = failures.length - 1; i >= 0; i--) {
    const reason = failures[i]!.reason;
    if (reason !== "cooling" && reason !== "circuit_open" && reason !== "unsuitable") return reason;
  }
  return undefined;
}

function describe(failure: TierFailure): string {
  const status = failure.status === undefined ? "" : ` ${failure.status}`;
  return `${failure.tier.id}:${status} ${failure.message}`;
}
