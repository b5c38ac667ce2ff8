import { normalizeToolId } from "../tool-ids.js";
import type { AnthropicToolResultBlock } from "../types/anthropic.js";
import type { OpenAIImagePart, OpenAIToolMessage } from "../types/openai.js";
import { documentToText } from "./convert-document.js";
import { convertImage } from "./convert-image.js";
import { searchResultToText } from "./search-result-to-text.js";
import { unknownBlockToText } from "./unknown-block-to-text.js";

export type ConvertedToolResult = { message: OpenAIToolMessage; images: OpenAIImagePart[] };

/**
 * OpenAI tool messages carry text only: text parts are joined, plain-text
 * documents and search results inlined, blocks of unknown types rendered as
 * their JSON, and images returned for the caller to put in a user
 * message right after the tool messages (the text says so, so the model
 * connects them). Errors stay visible as "[tool error]".
 */
export function convertToolResult(block: AnthropicToolResultBlock, path: string): ConvertedToolResult {
  const texts: string[] = [];
  const images: OpenAIImagePart[] = [];
  const { content } = block;
  if (typeof content === "string") texts.push(content);
  else if (Array.isArray(content)) {
    content.forEach((part, index) => {
      const partPath = `${path}.content[${index}]`;
      switch (part.type) {
        case "text":
          texts.push(part.text);
          break;
        case "image":
          images.push(convertImage(part, partPath));
          break;
        case "document":
          texts.push(documentToText(part, partPath));
          break;
        case "search_result":
          texts.push(searchResultToText(part));
          break;
        // The tool itself is added to the request's functions (see convertTools).
        case "tool_reference":
          texts.push(`Tool ${part.tool_name} loaded: it can be called now.`);
          break;
        default:
          texts.push(unknownBlockToText(part));
      }
    });
  }
  if (images.length > 0) {
    const count =
      images.length === 1
        ? "1 image from this tool result follows"
        : `${images.length} images from this tool result follow`;
    texts.push(`(${count} in the next user message)`);
  }
  let text = texts.join("\n");
  if (block.is_error) text = text === "" ? "[tool error]" : `[tool error] ${text}`;
  return {
    message: { role: "tool", tool_call_id: normalizeToolId(block.tool_use_id), content: text },
    images,
  };
}
