import { TranslationError } from "../errors/translation-error.js";
import type { AnthropicContentBlock } from "../types/anthropic.js";
import type {
  OpenAIChatMessage,
  OpenAIContentPart,
  OpenAIImagePart,
  OpenAIToolMessage,
} from "../types/openai.js";
import { documentToText } from "./convert-document.js";
import { convertImage } from "./convert-image.js";
import { convertToolResult } from "./convert-tool-result.js";
import { searchResultToText } from "./search-result-to-text.js";
import { serverToolBlockToText } from "./server-tool-block-to-text.js";
import { unknownBlockToText } from "./unknown-block-to-text.js";

/**
 * One Anthropic user turn → tool messages first (OpenAI wants them right
 * after the assistant's tool calls), then one user message with the turn's
 * own text and images, preceded by any images the tools returned.
 */
export function convertUserMessage(
  content: string | AnthropicContentBlock[],
  path: string,
  out: OpenAIChatMessage[],
): void {
  if (typeof content === "string") {
    out.push({ role: "user", content });
    return;
  }
  const toolMessages = new Map<string, OpenAIToolMessage>();
  const toolImages: OpenAIContentPart[] = [];
  const parts: OpenAIContentPart[] = [];

  content.forEach((block, index) => {
    const blockPath = `${path}.content[${index}]`;
    switch (block.type) {
      case "tool_result": {
        const { message, images } = convertToolResult(block, blockPath);
        const previous = toolMessages.get(message.tool_call_id);
        if (previous)
          previous.content = [previous.content, message.content].filter((text) => text !== "").join("\n");
        else toolMessages.set(message.tool_call_id, message);
        if (images.length > 0) addToolImages(toolImages, message.tool_call_id, images);
        break;
      }
      case "text":
        if (block.text !== "") parts.push({ type: "text", text: block.text });
        break;
      case "image":
        parts.push(convertImage(block, blockPath));
        break;
      case "document":
        parts.push({ type: "text", text: documentToText(block, blockPath) });
        break;
      case "search_result":
        parts.push({ type: "text", text: searchResultToText(block) });
        break;
      case "thinking":
      case "redacted_thinking":
        break;
      case "tool_use":
        throw new TranslationError("tool_use blocks are only valid in assistant messages", {
          path: blockPath,
        });
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
        parts.push({ type: "text", text: serverToolBlockToText(block) });
        break;
      default:
        parts.push({ type: "text", text: unknownBlockToText(block) });
    }
  });

  if (toolMessages.size > 0) {
    // OpenAI wants tool messages right after the assistant's tool calls: a mid-conversation
    // system message Claude Code put between the call and its result goes after them.
    let at = out.length;
    while (at > 0 && out[at - 1]?.role === "system") at--;
    const before = out[at - 1]?.role;
    if (at === out.length || (before !== "assistant" && before !== "tool"))
      for (const message of toolMessages.values()) out.push(message);
    else out.splice(at, 0, ...toolMessages.values());
  }
  const userParts = toolImages.length > 0 ? [...toolImages, ...parts] : parts;
  if (userParts.length === 0) {
    if (toolMessages.size === 0) out.push({ role: "user", content: "" });
    return;
  }
  const only = userParts[0];
  out.push({
    role: "user",
    content: userParts.length === 1 && only?.type === "text" ? (only.text as string) : userParts,
  });
}

function addToolImages(into: OpenAIContentPart[], toolCallId: string, images: OpenAIImagePart[]): void {
  into.push(
    { type: "text", text: `Image${images.length === 1 ? "" : "s"} returned by tool call ${toolCallId}:` },
    ...images,
  );
}
