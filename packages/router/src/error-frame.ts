import { encodeSseEvent, toAnthropicErrorBody } from "@ccr/transform";

/**
 * An Anthropic `event: error` frame. Claude Code retries a turn that ends with one, which is what a
 * stream that failed after bytes reached the client needs (there is no silent retry then).
 */
export function errorFrame(type: "overloaded_error" | "api_error", message: string): Uint8Array {
  return encodeSseEvent(
    "error",
    JSON.stringify(toAnthropicErrorBody(type === "overloaded_error" ? 529 : 500, message)),
  );
}
