import type { AnthropicStopReason } from "../types/anthropic.js";

/** OpenAI `finish_reason` → Anthropic `stop_reason`; anything unknown ends the turn normally. */
export function mapFinishReason(finishReason: string | null | undefined): AnthropicStopReason {
  switch (finishReason) {
    case "length":
      return "max_tokens";
    case "tool_calls":
    case "function_call":
      return "tool_use";
    case "content_filter":
      return "refusal";
    default:
      return "end_turn";
  }
}
