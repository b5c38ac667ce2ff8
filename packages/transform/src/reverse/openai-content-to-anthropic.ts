import { TranslationError } from "../errors/translation-error.js";
import type { AnthropicContentBlock, AnthropicImageBlock } from "../types/anthropic.js";
import type { OpenAIContentPart } from "../types/openai.js";

const DATA_URL = /^data:([^;,]+);base64,(.*)$/s;

/** OpenAI message content (string or parts) → Anthropic blocks; parts Anthropic cannot take are a 400 naming them. */
export function openAIContentToBlocks(
  content: string | OpenAIContentPart[] | null | undefined,
  path: string,
): AnthropicContentBlock[] {
  if (content == null) return [];
  if (typeof content === "string") return content === "" ? [] : [{ type: "text", text: content }];
  const blocks: AnthropicContentBlock[] = [];
  content.forEach((part, index) => {
    const partPath = `${path}.content[${index}]`;
    if (part.type === "text" && typeof part.text === "string") {
      if (part.text !== "") blocks.push({ type: "text", text: part.text });
    } else if (part.type === "image_url") {
      blocks.push(imageBlock(part.image_url, partPath));
    } else {
      throw new TranslationError(
        `content parts of type "${part.type}" cannot be sent to an Anthropic upstream`,
        {
          path: partPath,
        },
      );
    }
  });
  return blocks;
}

/** The text of OpenAI content, parts joined, for places that take only text (system, tool results). */
export function openAIContentToText(content: string | OpenAIContentPart[] | null | undefined): string {
  if (content == null) return "";
  if (typeof content === "string") return content;
  const texts: string[] = [];
  for (const part of content)
    if (part.type === "text" && typeof part.text === "string") texts.push(part.text);
  return texts.join("\n");
}

function imageBlock(imageUrl: unknown, path: string): AnthropicImageBlock {
  const url =
    typeof imageUrl === "object" && imageUrl !== null ? (imageUrl as { url?: unknown }).url : undefined;
  if (typeof url !== "string" || url === "") throw new TranslationError("image_url without a url", { path });
  const data = DATA_URL.exec(url);
  if (data)
    return {
      type: "image",
      source: { type: "base64", media_type: data[1] as string, data: data[2] as string },
    };
  return { type: "image", source: { type: "url", url } };
}
