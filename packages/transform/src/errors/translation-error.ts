import { CcrTransformError } from "./ccr-transform-error.js";

/**
 * The request cannot be expressed in the target dialect. Always the client's
 * problem (400), so the router must not cascade on it: another tier with the
 * same dialect would fail the same way.
 */
export class TranslationError extends CcrTransformError {
  readonly status = 400;
  readonly errorType = "invalid_request_error" as const;
  /** JSON-path-like location of the offending input, e.g. `messages[3].content[1]`. */
  readonly path: string | undefined;

  constructor(message: string, options?: { path?: string; cause?: unknown }) {
    super(options?.path ? `${options.path}: ${message}` : message, options);
    this.name = "TranslationError";
    this.path = options?.path;
  }

  static override isInstance(error: unknown): error is TranslationError {
    return CcrTransformError.isInstance(error) && (error as Error).name === "TranslationError";
  }
}
