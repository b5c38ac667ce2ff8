import type { AnthropicMessage } from "../types/anthropic.js";
import type { OpenAIChatResponse, OpenAIResponseMessage, OpenAIToolCall } from "../types/openai.js";
import { anthropicUsageToOpenAI } from "./anthropic-usage-to-openai.js";
import { mapStopReason } from "./map-stop-reason.js";
import type { ReverseResponseOptions } from "./reverse-response-options.js";

/**
 * Anthropic message → OpenAI chat completion: text blocks joined into
 * `content`, thinking into `reasoning_content`, tool_use blocks into
 * `tool_calls` with their input as JSON text.
 */
export function anthropicToOpenAIResponse(
  msg: AnthropicMessage,
  options: ReverseResponseOptions = {},
): OpenAIChatResponse {
  let text = "";
  let reasoning = "";
  const toolCalls: OpenAIToolCall[] = [];
  for (const block of msg.content) {
    if (block.type === "text") text += block.text;
    else if (block.type === "thinking") reasoning += block.thinking;
    else if (block.type === "tool_use") {
      toolCalls.push({
        id: block.id,
        type: "function",
        function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
      });
    }
  }
  const message: OpenAIResponseMessage = {
    role: "assistant",
    content: text === "" && toolCalls.length > 0 ? null : text,
  };
  if (reasoning !== "") message.reasoning_content = reasoning;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return {
    id: msg.id,
    object: "chat.completion",
    created: options.created ?? Math.floor(Date.now() / 1000),
    model: options.model ?? msg.model,
    choices: [{ index: 0, message, finish_reason: mapStopReason(msg.stop_reason) }],
    usage: anthropicUsageToOpenAI(msg.usage),
  };
}
