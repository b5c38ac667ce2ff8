import * as v from "valibot";
import { HttpError } from "./http-error.js";

/**
 * The shallow shape the proxy insists on before routing. Deeper content (blocks, tools) is the
 * translator's business; checking it here would cost time on every request for nothing.
 */
const messagesShape = {
  model: v.pipe(v.string("model must be a string"), v.nonEmpty("model must not be empty")),
  messages: v.array(
    v.looseObject({ role: v.string("each message needs a role") }),
    "messages must be an array",
  ),
};

export const messagesRequestSchema = v.looseObject({
  ...messagesShape,
  max_tokens: v.pipe(
    v.number("max_tokens must be a number"),
    v.integer("max_tokens must be an integer"),
    v.minValue(1, "max_tokens must be at least 1"),
  ),
  stream: v.optional(v.boolean("stream must be a boolean")),
});

/** count_tokens takes the same request without max_tokens. */
export const countTokensRequestSchema = v.looseObject(messagesShape);

/** A parsed body checked against a route's schema: the request, or a 400 naming every problem. */
export function decodeBody(schema: v.GenericSchema, body: unknown): unknown {
  const result = v.safeParse(schema, body);
  if (!result.success) throw new HttpError(400, describeIssues(result.issues));
  return result.output;
}

/** One line naming the field and the problem, e.g. `max_tokens: Invalid key: Expected "max_tokens" ...`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = v.getDotPath(issue);
      const message =
        issue.kind === "schema" && issue.received === "undefined" ? "is required" : issue.message;
      return path ? `${path}: ${message}` : message;
    })
    .join("; ");
}
