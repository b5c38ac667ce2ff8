const marker = Symbol.for("ccr.provider.error");

/**
 * A provider definition that cannot be used. Thrown by `defineProvider` (at import time of the
 * provider package, so a broken package fails loudly) and by `providerFromModule`.
 */
export class ProviderDefinitionError extends Error {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read through the symbol in isInstance
  private readonly [marker] = true;
  override readonly name = "ProviderDefinitionError";
  /** The provider's id when it could be read. */
  readonly providerId: string | undefined;
  /** Every problem found, each starting with the path of the offending field. */
  readonly issues: readonly string[];

  constructor(providerId: string | undefined, issues: readonly string[]) {
    const subject = providerId ? `provider "${providerId}"` : "provider definition";
    super(`Invalid ${subject}:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.providerId = providerId;
    this.issues = issues;
  }

  /** True for errors from any copy of this package (a plain `instanceof` fails across duplicated installs). */
  static isInstance(error: unknown): error is ProviderDefinitionError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
