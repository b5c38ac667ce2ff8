import { TransformerConfigError } from "./transformer-config-error.js";

type Options = Readonly<Record<string, unknown>> | undefined;

/**
 * Readers for transformer options that fail at config time with a message
 * naming the transformer and the key, instead of sending a bad body later.
 */
export function numberOption(transformer: string, options: Options, key: string): number | undefined {
  const value = options?.[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TransformerConfigError(transformer, `option "${key}" must be a number, got ${describe(value)}`);
  }
  return value;
}

export function positiveIntegerOption(
  transformer: string,
  options: Options,
  key: string,
): number | undefined {
  const value = numberOption(transformer, options, key);
  if (value !== undefined && (!Number.isInteger(value) || value <= 0)) {
    throw new TransformerConfigError(transformer, `option "${key}" must be a positive integer, got ${value}`);
  }
  return value;
}

export function booleanOption(transformer: string, options: Options, key: string): boolean | undefined {
  const value = options?.[key];
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") {
    throw new TransformerConfigError(
      transformer,
      `option "${key}" must be true or false, got ${describe(value)}`,
    );
  }
  return value;
}

export function recordOption(
  transformer: string,
  options: Options,
  key: string,
): Readonly<Record<string, unknown>> | undefined {
  const value = options?.[key];
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    throw new TransformerConfigError(
      transformer,
      `option "${key}" must be an object, got ${describe(value)}`,
    );
  }
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? JSON.stringify(value) : typeof value;
}
