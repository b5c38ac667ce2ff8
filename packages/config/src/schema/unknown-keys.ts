import type { ConfigIssue } from "../issues/config-issue.js";
import { formatJsonPath, type PathSegment } from "../issues/json-path.js";
import { didYouMean } from "../issues/suggest.js";

/** A warning for each key of `object` outside `known`, with the likely intended key when there is one. */
export function unknownKeyWarnings(
  object: Readonly<Record<string, unknown>>,
  known: Iterable<string>,
  at: readonly PathSegment[],
  consequence: string,
): ConfigIssue[] {
  const knownKeys = [...known];
  return Object.keys(object)
    .filter((key) => !knownKeys.includes(key))
    .map((key) => {
      const suggestion = didYouMean(key, knownKeys);
      return {
        path: formatJsonPath([...at, key]),
        message: `unknown key; ${consequence}`,
        ...(suggestion !== undefined && { suggestion }),
      };
    });
}
