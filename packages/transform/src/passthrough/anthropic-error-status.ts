import type { AnthropicErrorType } from "../types/anthropic.js";

const STATUS_BY_TYPE: Readonly<Record<AnthropicErrorType, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  timeout_error: 504,
  api_error: 500,
  overloaded_error: 529,
};

/**
 * The HTTP status an Anthropic error type stands for, for errors that come
 * inside a 200 (a body or a first stream frame). Unknown types → 502.
 */
export function anthropicErrorStatus(type: unknown): number {
  return typeof type === "string" && Object.hasOwn(STATUS_BY_TYPE, type)
    ? STATUS_BY_TYPE[type as AnthropicErrorType]
    : 502;
}
