import { RequestValidationError } from "../../errors/request-validation-error.js";
import type { RequestLimits } from "./request-limits.js";

type Violation = { path: string; status: 400 | 413; message: string };

/**
 * Throws RequestValidationError when the body nests objects and arrays
 * deeper than `maxDepth` (400) or holds a string or key longer than
 * `maxStringLength` (413). Iterative, with its own stack, so no input can
 * overflow the call stack here, and once it passed, nothing downstream
 * (schema, translators, JSON.stringify) meets a deeper value. The common
 * case pays for one walk without paths; the path is found only for an error.
 */
export function checkJsonLimits(body: unknown, limits: Readonly<RequestLimits>): void {
  if (typeof body === "string" && body.length > limits.maxStringLength) fail(body, limits);
  if (typeof body !== "object" || body === null) return;
  const values: object[] = [body];
  const depths: number[] = [1];
  while (values.length > 0) {
    const value = values.pop() as object;
    const depth = depths.pop() as number;
    if (depth > limits.maxDepth) fail(body, limits);
    if (Array.isArray(value)) {
      for (const item of value) {
        if (typeof item === "object" && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        } else if (typeof item === "string" && item.length > limits.maxStringLength) fail(body, limits);
      }
    } else {
      for (const key in value) {
        if (key.length > limits.maxStringLength) fail(body, limits);
        const item = (value as Record<string, unknown>)[key];
        if (typeof item === "object" && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        } else if (typeof item === "string" && item.length > limits.maxStringLength) fail(body, limits);
      }
    }
  }
}

function fail(body: unknown, limits: Readonly<RequestLimits>): never {
  const violation = findViolation(body, limits) ?? { path: "", status: 400, message: "invalid request" };
  throw new RequestValidationError([{ path: violation.path, message: violation.message }], {
    status: violation.status,
  });
}

type Entry = { value: unknown; depth: number; path: string };

/** The same walk, keeping paths, to name the first value over a limit. */
function findViolation(body: unknown, limits: Readonly<RequestLimits>): Violation | undefined {
  const entries: Entry[] = [{ value: body, depth: 1, path: "" }];
  while (entries.length > 0) {
    const { value, depth, path } = entries.pop() as Entry;
    if (typeof value === "string" && value.length > limits.maxStringLength) return tooLong(path, limits);
    if (typeof value !== "object" || value === null) continue;
    if (depth > limits.maxDepth) {
      return {
        path,
        status: 400,
        message: `Input nests objects and arrays more than ${limits.maxDepth} levels deep`,
      };
    }
    for (const key in value) {
      if (key.length > limits.maxStringLength) return tooLong(path, limits, "key");
      entries.push({
        value: (value as Record<string, unknown>)[key],
        depth: depth + 1,
        path: path === "" ? key : `${path}.${key}`,
      });
    }
  }
  return undefined;
}

function tooLong(path: string, limits: Readonly<RequestLimits>, what = "string"): Violation {
  return {
    path,
    status: 413,
    message: `A ${what} longer than ${limits.maxStringLength} characters is over this server's limit`,
  };
}
