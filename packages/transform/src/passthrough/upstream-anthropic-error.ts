import { openAIErrorMessage } from "../errors/openai-error-message.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { anthropicErrorStatus } from "./anthropic-error-status.js";

/** An Anthropic `{type: "error", error: {type, message}}` payload received with a 200, as a typed error. */
export function upstreamAnthropicError(body: unknown): UpstreamResponseError {
  const error =
    typeof body === "object" && body !== null ? (body as { error?: { type?: unknown } }).error : undefined;
  const message = openAIErrorMessage(body) ?? "no message";
  return new UpstreamResponseError({
    status: anthropicErrorStatus(error?.type),
    message: `upstream error: ${message}`,
    body,
  });
}
