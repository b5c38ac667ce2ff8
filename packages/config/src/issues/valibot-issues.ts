import type * as v from "valibot";
import type { ConfigIssue } from "./config-issue.js";
import { describeValue } from "./describe-value.js";
import { formatJsonPath, type PathSegment } from "./json-path.js";

const containerExpectations: Record<string, string> = {
  array: "a list",
  object: "an object",
  loose_object: "an object",
  object_with_rest: "an object",
  record: "an object",
};

/** valibot issues → ConfigIssues with JSON paths rooted at `prefix`. */
export function toConfigIssues(
  issues: readonly v.BaseIssue<unknown>[],
  prefix: readonly PathSegment[] = [],
): ConfigIssue[] {
  return issues.map((issue) => {
    const segments = (issue.path ?? []).map((item) => item.key as PathSegment);
    const path = formatJsonPath([...prefix, ...segments]);
    const container = containerExpectations[issue.type];
    if (container !== undefined && issue.kind === "schema") {
      // A missing required key is reported by its parent object with the key in the path.
      if (issue.input === undefined) return { path, message: "is required" };
      return {
        path,
        message: `must be ${container}`,
        expected: container,
        received: describeValue(issue.input),
      };
    }
    if (issue.kind === "validation") {
      // A check on a value of the right type (a list too short, a name with a comma): show the value itself.
      return { path, message: issue.message, received: describeValue(issue.input) };
    }
    return {
      path,
      message: issue.message,
      ...(issue.expected !== null && { expected: issue.expected }),
      ...(issue.received !== undefined && { received: issue.received }),
    };
  });
}
