import type { AnthropicMessage } from "../../types/anthropic.js";
import type { OpenAIChatResponse, OpenAIResponseMessage, OpenAIToolCall } from "../../types/openai.js";
import { chatFinishReason } from "./chat-finish-reason.js";
import { chatUsage } from "./chat-usage.js";

/**
 * A canonical message → a `chat.completion`: text blocks joined into `content`, thinking into
 * `reasoning_content` (as DeepSeek and others write it), tool_use blocks into `tool_calls` with their input as
 * JSON text. Server tool blocks (an Anthropic tier's own web search) have no Chat form; their findings are in
 * the text.
 *
 * @param model The model name the client asked for, echoed whichever tier answered.
 */
export function chatCompletion(
  message: AnthropicMessage,
  model: string,
  created: number,
): OpenAIChatResponse {
  let text = "";
  let reasoning = "";
  const toolCalls: OpenAIToolCall[] = [];
  for (const block of message.content) {
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
  const reply: OpenAIResponseMessage = {
    role: "assistant",
    content: text === "" && toolCalls.length > 0 ? null : text,
    refusal: null,
  };
  if (reasoning !== "") reply.reasoning_content = reasoning;
  if (toolCalls.length > 0) reply.tool_calls = toolCalls;
  return {
    id: chatCompletionId(message.id),
    object: "chat.completion",
    created,
    model,
    choices: [
      { index: 0, message: reply, finish_reason: chatFinishReason(message.stop_reason), logprobs: null },
    ],
    usage: chatUsage(message.usage),
  };
}

/** `chatcmpl-...`, as OpenAI's ids look, from the canonical message id. */
export function chatCompletionId(messageId: string): string {
  return `chatcmpl-${messageId.startsWith("msg_") ? messageId.slice(4) : messageId}`;
}
