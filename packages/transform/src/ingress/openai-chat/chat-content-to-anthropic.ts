import { TranslationError } from "../../errors/translation-error.js";
import type { AnthropicContentBlock } from "../../types/anthropic.js";
import type { OpenAIContentPart } from "../../types/openai.js";
import { dataUrlBlock } from "../data-url-block.js";

/**
 * Chat message content (a string, or parts) → canonical blocks. Text, images (data or http URLs) and files
 * given inline (`file_data`, a PDF or text data URL) have a canonical form; audio and files by id do not:
 * CCR keeps no uploaded files and no tier takes audio, so those are a 400 naming the part.
 */
export function chatContentToBlocks(
  content: string | readonly OpenAIContentPart[] | null | undefined,
  path: string,
): AnthropicContentBlock[] {
  if (content == null) return [];
  if (typeof content === "string") return content === "" ? [] : [{ type: "text", text: content }];
  const blocks: AnthropicContentBlock[] = [];
  content.forEach((part, index) => {
    const partPath = `${path}.content[${index}]`;
    switch (part.type) {
      case "text":
        if (part.text !== "") blocks.push({ type: "text", text: part.text as string });
        return;
      case "refusal":
        if (part.refusal !== "") blocks.push({ type: "text", text: part.refusal as string });
        return;
      case "image_url":
        blocks.push(
          dataUrlBlock((part.image_url as { url: string }).url, `${partPath}.image_url.url`, "image"),
        );
        return;
      case "file": {
        const file = part.file as { file_data?: string; filename?: string };
        if (typeof file.file_data !== "string")
          throw new TranslationError(
            "files must be sent inline as file_data (a data URL): CCR keeps no uploaded files",
            { path: `${partPath}.file` },
          );
        const block = dataUrlBlock(file.file_data, `${partPath}.file.file_data`, "document");
        if (block.type === "document" && file.filename) block.title = file.filename;
        blocks.push(block);
        return;
      }
      default:
        throw new TranslationError(`content parts of type "${part.type}" are not supported by CCR`, {
          path: partPath,
        });
    }
  });
  return blocks;
}

/** The text of chat content, parts joined, for places that take only text (system, tool results). */
export function chatContentToText(content: string | readonly OpenAIContentPart[] | null | undefined): string {
  if (content == null) return "";
  if (typeof content === "string") return content;
  const texts: string[] = [];
  for (const part of content)
    if (part.type === "text" && typeof part.text === "string") texts.push(part.text);
  return texts.join("\n");
}
