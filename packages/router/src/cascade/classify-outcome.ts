import { anthropicErrorStatus, type UpstreamResponseError } from "@ccr/transform";
import type { FailureReason } from "../observer/router-observer.js";

/** What the cascade does after a failed attempt. */
export type Disposition =
  /** Retry the same tier after a backoff, while its policy has retries left; then the next tier. */
  | "retry"
  /** Mark the tier cooling for the Retry-After wait and go to the next tier at once. */
  | "rate_limited"
  /** Misconfigured or out of credit: skip the tier for a long cooldown, next tier. */
  | "disable"
  /** The tier cannot serve this request: next tier, no retry, no cooldown. */
  | "next";

export interface AttemptFailure {
  readonly reason: FailureReason;
  readonly disposition: Disposition;
  /** Upstream HTTP status (or the status an error inside a 200 claims). */
  readonly status?: number;
  readonly message: string;
  /**
   * For rate limits: the wait the upstream asked for, capped; undefined when it named none. For a key pool
   * none of whose keys is left: until the first key is back (a refusal's cooldown too).
   */
  readonly retryAfterMs?: number;
  /** Whether the failure says the tier is unhealthy, counting toward its circuit breaker. */
  readonly countsAgainstHealth: boolean;
  /** The upstream could not be reached at all (connection refused, no such host): not an overload. */
  readonly unreachable?: boolean;
}

/**
 * The cascade table for an upstream HTTP status:
 * 429 → rate_limited; 401/402/403/404 → disable; 400/413/422 and other 4xx → next;
 * 408/500/502/503/504/529 → retry; other 5xx → next.
 */
export function classifyStatus(status: number, message: string, retryAfterMs?: number): AttemptFailure {
  if (status === 429) {
    return {
      reason: "rate_limited",
      disposition: "rate_limited",
      status,
      message,
      retryAfterMs,
      countsAgainstHealth: false,
    };
  }
  if (status === 401 || status === 402 || status === 403 || status === 404) {
    return { reason: "auth", disposition: "disable", status, message, countsAgainstHealth: false };
  }
  if (status === 503 || status === 529) {
    return { reason: "overloaded", disposition: "retry", status, message, countsAgainstHealth: true };
  }
  if (status === 408 || status === 500 || status === 502 || status === 504) {
    return { reason: "server_error", disposition: "retry", status, message, countsAgainstHealth: true };
  }
  if (status >= 500)
    return { reason: "server_error", disposition: "next", status, message, countsAgainstHealth: true };
  return { reason: "rejected", disposition: "next", status, message, countsAgainstHealth: false };
}

/**
 * An error the upstream reported inside an HTTP 200 (JSON body or first SSE frame): classified by
 * its error type first, since such bodies often carry no meaningful status.
 */
export function classifyUpstreamError(error: UpstreamResponseError, retryAfterMs?: number): AttemptFailure {
  if (error.errorType === "rate_limit_error") return classifyStatus(429, error.message, retryAfterMs);
  if (error.errorType === "overloaded_error") return classifyStatus(529, error.message);
  return classifyStatus(error.status, error.message, retryAfterMs);
}

/** An Anthropic `event: error` frame that arrived before any content: classified by its error type. */
export function classifyErrorType(type: string, message: string, retryAfterMs?: number): AttemptFailure {
  return classifyStatus(anthropicErrorStatus(type), message, retryAfterMs);
}

/** System error codes that say the upstream cannot be reached at all, as opposed to a connection that broke. */
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export function connectionFailure(message: string, error?: unknown): AttemptFailure {
  const unreachable = UNREACHABLE_CODES.has(errorCode(error) ?? "");
  return {
    reason: "connection",
    disposition: "retry",
    message: unreachable ? `provider unreachable: ${message}` : message,
    countsAgainstHealth: true,
    ...(unreachable && { unreachable }),
  };
}

function errorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

export function firstEventTimeout(timeoutMs: number): AttemptFailure {
  return {
    reason: "timeout_first_event",
    disposition: "retry",
    message: `no first event from the upstream within ${timeoutMs} ms`,
    countsAgainstHealth: true,
  };
}

/** API_TIMEOUT_MS spent before any answer: retrying would spend it again, so go to the next tier. */
export function apiTimeout(timeoutMs: number): AttemptFailure {
  return {
    reason: "timeout_first_event",
    disposition: "next",
    message: `the upstream did not answer within API_TIMEOUT_MS (${timeoutMs} ms)`,
    countsAgainstHealth: true,
  };
}
