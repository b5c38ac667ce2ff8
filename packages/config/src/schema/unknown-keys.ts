import type { ConfigIssue } from "./config-issue";
import { formatJsonPath, type PathSegment } from "./json-path";
import { didYouMean } from "./suggest";

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
