const marker = Symbol.for("ccr.router.error");

/**
 * Base of every error this package throws. `isInstance` checks a global symbol instead of the
 * prototype, so it still works when two copies of the package end up in one process.
 */
export class CcrRouterError extends Error {
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CcrRouterError";
  }

  static isInstance(error: unknown): error is CcrRouterError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}

/** `POST /preset/{name}/v1/messages` named a preset the config does not define. The server answers 404. */
export class UnknownPresetError extends CcrRouterError {
  readonly status = 404;
  readonly preset: string;
  readonly knownPresets: readonly string[];

  constructor(preset: string, knownPresets: readonly string[]) {
    super(
      knownPresets.length === 0
        ? `unknown preset "${preset}": the config defines no Presets`
        : `unknown preset "${preset}": the config defines ${knownPresets.map((name) => `"${name}"`).join(", ")}`,
    );
    this.name = "UnknownPresetError";
    this.preset = preset;
    this.knownPresets = knownPresets;
  }

  static override isInstance(error: unknown): error is UnknownPresetError {
    return CcrRouterError.isInstance(error) && (error as Error).name === "UnknownPresetError";
  }
}
