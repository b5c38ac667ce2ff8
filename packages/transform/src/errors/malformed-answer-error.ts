import { UpstreamResponseError } from "./upstream-response-error.js";

/**
 * An upstream answer (a JSON body or one stream frame) that its protocol does not allow: a field of the
 * wrong type, a required one missing, events out of order. The tier's fault, never the client's: a 502, so
 * the router retries or cascades before any content and ends the client's stream with an error frame after.
 * `problem` names the path, as request validation does: `choices.0.delta.tool_calls.0.index: expected ...`.
 */
export function malformedAnswerError(problem: string, body?: unknown): UpstreamResponseError {
  return new UpstreamResponseError({
    status: 502,
    message: `upstream sent a malformed answer: ${problem}`,
    body,
  });
}

/** What a JSON value is, for a problem's message: `a number`, `null`, `an array`. */
export function jsonKind(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
