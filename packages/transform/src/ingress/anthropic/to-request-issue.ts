import * as v from "valibot";
import type { RequestIssue } from "../../errors/request-validation-error.js";

/**
 * A schema issue → a path and message in the words of Anthropic's own API
 * (pydantic's), so a client sees the same `messages.1.content.0.source.data:
 * Field required` whether CCR or Anthropic refused the request. `prefix`
 * places an issue found in a part of the body (`messages.3`).
 */
export function toRequestIssue(issue: v.BaseIssue<unknown>, prefix = ""): RequestIssue {
  const path = v.getDotPath(issue) ?? "";
  return {
    path: prefix === "" ? path : path === "" ? prefix : `${prefix}.${path}`,
    message: issueMessage(issue),
  };
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === "schema" && issue.input === undefined) return "Field required";
  switch (issue.type) {
    case "string":
      return "Input should be a valid string";
    case "number":
      return "Input should be a valid number";
    case "boolean":
      return "Input should be a valid boolean";
    case "array":
      return "Input should be a valid list";
    case "object":
      return "Input should be a valid dictionary";
    case "integer":
      return "Input should be a valid integer";
    case "literal":
    case "picklist":
    case "variant":
      return `Input should be ${oneOf(issue.expected)}`;
    case "min_value":
      return `Input should be greater than or equal to ${String(issue.requirement)}`;
    case "max_value":
      return `Input should be less than or equal to ${String(issue.requirement)}`;
    case "non_empty":
      return typeof issue.input === "string"
        ? "String should have at least 1 character"
        : "List should have at least 1 item";
    default:
      return issue.message;
  }
}

/** valibot's `("user" | "assistant")` → `'user' or 'assistant'`. */
function oneOf(expected: string | null): string {
  const options = (expected ?? "")
    .replace(/^\((.*)\)$/, "$1")
    .split(" | ")
    .map((option) => option.replace(/^"(.*)"$/, "'$1'"));
  if (options.length <= 1) return options[0] ?? "valid";
  return `${options.slice(0, -1).join(", ")} or ${options.at(-1)}`;
}
