import type { AnthropicErrorType } from "../types/anthropic.js";
import { anthropicErrorType } from "./anthropic-error-type.js";
import { CcrTransformError } from "./ccr-transform-error.js";

/** One problem in a client request: where (`messages.1.content.0.source.data`, "" for the body) and what. */
export type RequestIssue = { path: string; message: string };

/** How many problems the message lists; `issues` holds them all. */
const LISTED_ISSUES = 5;

/**
 * A client request that is not a valid request of its protocol, or is over a
 * limit. Always the client's problem: answer it with `status` (400, or 413
 * for a size limit) before any upstream is called, and never count it
 * against a tier. The message names each path the way Anthropic's API does:
 * `messages.1.content.0.source.data: Field required`.
 */
export class RequestValidationError extends CcrTransformError {
  readonly status: 400 | 413;
  /** `invalid_request_error`, or `request_too_large` for a 413. */
  readonly errorType: AnthropicErrorType;
  readonly issues: readonly RequestIssue[];

  constructor(issues: readonly RequestIssue[], options?: { status?: 400 | 413; cause?: unknown }) {
    super(describeIssues(issues), options);
    this.name = "RequestValidationError";
    this.status = options?.status ?? 400;
    this.errorType = anthropicErrorType(this.status);
    this.issues = issues;
  }

  static override isInstance(error: unknown): error is RequestValidationError {
    return CcrTransformError.isInstance(error) && (error as Error).name === "RequestValidationError";
  }
}

function describeIssues(issues: readonly RequestIssue[]): string {
  const listed = issues
    .slice(0, LISTED_ISSUES)
    .map((issue) => (issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`));
  const more = issues.length - listed.length;
  if (more > 0) listed.push(`and ${more} more problem${more === 1 ? "" : "s"}`);
  return listed.length > 0 ? listed.join("; ") : "invalid request";
}
