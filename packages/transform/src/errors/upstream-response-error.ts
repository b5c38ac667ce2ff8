import type { AnthropicErrorType } from "../types/anthropic.js";
import { anthropicErrorType } from "./anthropic-error-type.js";
import { CcrTransformError } from "./ccr-transform-error.js";

/**
 * The upstream answered, but with an error: an error status, an error body
 * inside an HTTP 200, or an error as the first stream frame. Carries what the
 * router needs to decide between retrying, cascading and giving up.
 */
export class UpstreamResponseError extends CcrTransformError {
  readonly status: number;
  readonly errorType: AnthropicErrorType;
  /** True for 408, 409, 429 and 5xx: another attempt or another tier may succeed. */
  readonly retryable: boolean;
  /** The upstream error payload as received, for logs. */
  readonly body: unknown;

  constructor(options: {
    status: number;
    message: string;
    body?: unknown;
    retryable?: boolean;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = "UpstreamResponseError";
    this.status = options.status;
    this.errorType = anthropicErrorType(options.status);
    this.retryable = options.retryable ?? isRetryableStatus(options.status);
    this.body = options.body;
  }

  static override isInstance(error: unknown): error is UpstreamResponseError {
    return CcrTransformError.isInstance(error) && (error as Error).name === "UpstreamResponseError";
  }
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
