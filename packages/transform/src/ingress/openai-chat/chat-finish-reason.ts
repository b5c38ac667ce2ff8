import type { AnthropicStopReason } from "../../types/anthropic.js";
import type { OpenAIFinishReason } from "../../types/openai.js";

/** A canonical `stop_reason` → Chat Completions' `finish_reason`. */
export function chatFinishReason(stopReason: AnthropicStopReason | null | undefined): OpenAIFinishReason {
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
