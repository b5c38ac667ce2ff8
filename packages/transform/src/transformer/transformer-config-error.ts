import { CcrTransformError } from "../errors/ccr-transform-error.js";

/**
 * A transformer cannot be built: an unknown name, options of the wrong type,
 * or a user module of an unsupported shape. Raised when a config is loaded
 * or a tier is first used, never in the middle of a response.
 */
export class TransformerConfigError extends CcrTransformError {
  /** The transformer name as written in the config. */
  readonly transformer: string;

  constructor(transformer: string, message: string, options?: { cause?: unknown }) {
    super(`transformer "${transformer}": ${message}`, options);
    this.name = "TransformerConfigError";
    this.transformer = transformer;
  }

  static override isInstance(error: unknown): error is TransformerConfigError {
    return CcrTransformError.isInstance(error) && (error as Error).name === "TransformerConfigError";
  }
}
