import * as v from "valibot";
import { describeValue } from "../issues/describe-value.js";

// Building blocks for the raw-file schemas. Each one reports its own `expected` / `received`, so every
// issue reads the same way whatever valibot action produced it.

type Check<T> = (
  value: unknown,
) => { ok: true; value: T } | { ok: false; expected: string; message?: string };

/** A schema from a check function: one issue with our own wording when the check fails. */
export function setting<T>(check: Check<T>) {
  return v.pipe(
    v.unknown(),
    v.rawTransform<unknown, T>(({ dataset, addIssue, NEVER }) => {
      const result = check(dataset.value);
      if (result.ok) return result.value;
      addIssue({
        message: result.message ?? `must be ${result.expected}`,
        expected: result.expected,
        received: describeValue(dataset.value),
      });
      return NEVER;
    }),
  );
}

export const nonEmptyText = (expected = "a non-empty string") =>
  setting<string>((value) =>
    typeof value === "string" && value.trim() !== ""
      ? { ok: true, value: value.trim() }
      : { ok: false, expected },
  );

/** Optional text where `""` means unset: claude-code-router writes `"PROXY_URL": ""` and `"APIKEY": ""` by default. */
export const blankableText = () =>
  setting<string | undefined>((value) =>
    typeof value === "string"
      ? { ok: true, value: value.trim() === "" ? undefined : value }
      : { ok: false, expected: "a string" },
  );

/**
 * A number, also accepted as a numeric string: claude-code-router's own init writes `"API_TIMEOUT_MS": "600000"`,
 * and a `$VAR` always interpolates to a string.
 */
export function numberSetting(options: {
  integer?: boolean;
  min?: number;
  exclusiveMin?: boolean;
  max?: number;
}) {
  const kind = options.integer ? "an integer" : "a number";
  const lower =
    options.min === undefined
      ? ""
      : options.exclusiveMin
        ? ` greater than ${options.min}`
        : ` ≥ ${options.min}`;
  const upper = options.max === undefined ? "" : ` and ≤ ${options.max}`;
  const expected = `${kind}${lower}${upper}`;
  return setting<number>((value) => {
    const number =
      typeof value === "number"
        ? value
        : typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)
          ? Number(value)
          : Number.NaN;
    if (!Number.isFinite(number)) return { ok: false, expected };
    if (options.integer && !Number.isInteger(number)) return { ok: false, expected };
    if (options.min !== undefined && (options.exclusiveMin ? number <= options.min : number < options.min)) {
      return { ok: false, expected };
    }
    if (options.max !== undefined && number > options.max) return { ok: false, expected };
    return { ok: true, value: number };
  });
}

/** `true` / `false`, also as the strings `"true"` / `"false"` (what `$VAR` produces). */
export const booleanSetting = () =>
  setting<boolean>((value) => {
    if (typeof value === "boolean") return { ok: true, value };
    if (value === "true" || value === "false") return { ok: true, value: value === "true" };
    return { ok: false, expected: "true or false" };
  });

export function oneOf<const T extends string>(options: readonly T[]) {
  const expected = `one of ${options.map((o) => JSON.stringify(o)).join(", ")}`;
  return setting<T>((value) =>
    typeof value === "string" && (options as readonly string[]).includes(value)
      ? { ok: true, value: value as T }
      : { ok: false, expected },
  );
}

export const plainObject = () =>
  setting<Record<string, unknown>>((value) =>
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? { ok: true, value: value as Record<string, unknown> }
      : { ok: false, expected: "an object" },
  );

export const list = <T extends v.GenericSchema>(item: T) => v.array(item, "must be a list");
