import type { AnthropicErrorBody } from "../types/anthropic.js";
import { anthropicErrorType } from "./anthropic-error-type.js";

export function toAnthropicErrorBody(status: number, message: string): AnthropicErrorBody {
  return { type: "error", error: { type: anthropicErrorType(status), message } };
}
