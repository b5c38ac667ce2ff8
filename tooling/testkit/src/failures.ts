import type { Behaviour } from "./behaviour.js";

/** Failure behaviours shared by both fakes; bodies follow the OpenAI error shape unless given. */

export function rateLimited(retryAfter?: number | string, body?: unknown): Behaviour {
  return {
    kind: "json",
    status: 429,
    headers: retryAfter === undefined ? {} : { "retry-after": String(retryAfter) },
    body: body ?? { error: { message: "Rate limit reached for requests", type: "rate_limit_error" } },
  };
}

export function httpError(
  status: number,
  message = `fake upstream error ${status}`,
  body?: unknown,
): Behaviour {
  return { kind: "json", status, body: body ?? { error: { message, type: "upstream_error", code: status } } };
}

/** Anthropic's 529 overloaded, in its own error shape. */
export function overloaded(): Behaviour {
  return {
    kind: "json",
    status: 529,
    body: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
  };
}

export function reset(delayMs?: number): Behaviour {
  return { kind: "reset", delayMs };
}

export function hang(): Behaviour {
  return { kind: "hang" };
}
