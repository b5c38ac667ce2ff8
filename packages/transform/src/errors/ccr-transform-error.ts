const marker = Symbol.for("ccr.transform.error");

/**
 * Base of every error this package throws. `isInstance` checks a global
 * symbol instead of the prototype so it still works when two copies of the
 * package end up in one process (a bundled app next to a library).
 */
export class CcrTransformError extends Error {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read through the symbol in isInstance
  private readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CcrTransformError";
  }

  static isInstance(error: unknown): error is CcrTransformError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
