import type { AnthropicStopReason } from "../types/anthropic.js";
import type { OpenAIFinishReason } from "../types/openai.js";

/** Anthropic `stop_reason` → OpenAI `finish_reason`. */
export function mapStopReason(stopReason: AnthropicStopReason | null | undefined): OpenAIFinishReason {
  switch (stopReason) {
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      return "tool_calls";
    case "refusal":
      return "content_filter";
    default:
      return "stop";
  }
}
