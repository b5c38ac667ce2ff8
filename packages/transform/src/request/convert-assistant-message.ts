import { TranslationError } from "../errors/translation-error.js";
import type { TranslationContext } from "../translation-context.js";
import type { AnthropicContentBlock } from "../types/anthropic.js";
import type { OpenAIAssistantMessage, OpenAIToolCall } from "../types/openai.js";
import { convertToolUse } from "./convert-tool-use.js";
import type { RequestTranslationOptions } from "./request-translation-options.js";
import { searchResultToText } from "./search-result-to-text.js";
import { serverToolBlockToText } from "./server-tool-block-to-text.js";
import { unknownBlockToText } from "./unknown-block-to-text.js";

export function convertAssistantMessage(
  content: string | AnthropicContentBlock[],
  path: string,
  context: TranslationContext,
  options: RequestTranslationOptions,
): OpenAIAssistantMessage {
  if (typeof content === "string") return { role: "assistant", content };
  const texts: string[] = [];
  const reasoning: string[] = [];
  const toolCalls: OpenAIToolCall[] = [];

  content.forEach((block, index) => {
    switch (block.type) {
      case "text":
        if (block.text !== "") texts.push(block.text);
        break;
      case "tool_use":
        toolCalls.push(convertToolUse(block, context));
        break;
      case "thinking":
        if (block.thinking !== "") reasoning.push(block.thinking);
        break;
      // Encrypted reasoning only Anthropic can read.
      case "redacted_thinking":
        break;
      case "image":
      case "document":
      case "tool_result":
        throw new TranslationError(`${block.type} blocks are not valid in assistant messages`, {
          path: `${path}.content[${index}]`,
        });
      case "search_result":
        texts.push(searchResultToText(block));
        break;
      case "server_tool_use":
      case "web_search_tool_result":
      case "web_fetch_tool_result":
      case "code_execution_tool_result":
      case "bash_code_execution_tool_result":
      case "text_editor_code_execution_tool_result":
      case "tool_search_tool_result":
      case "mcp_tool_use":
      case "mcp_tool_result":
      case "container_upload":
      case "compaction":
        texts.push(serverToolBlockToText(block));
        break;
      default:
        texts.push(unknownBlockToText(block));
    }
  });

  const message: OpenAIAssistantMessage = {
    role: "assistant",
    content: texts.length > 0 ? texts.join("\n") : toolCalls.length > 0 ? null : "",
  };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (options.reasoning === "reasoning_content" && reasoning.length > 0)
    message.reasoning_content = reasoning.join("\n");
  return message;
}
