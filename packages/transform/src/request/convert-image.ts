import { TranslationError } from "../errors/translation-error.js";
import type { AnthropicImageBlock } from "../types/anthropic.js";
import type { OpenAIImagePart } from "../types/openai.js";

export function convertImage(block: AnthropicImageBlock, path: string): OpenAIImagePart {
  const { source } = block;
  switch (source.type) {
    case "base64":
      return { type: "image_url", image_url: { url: `data:${source.media_type};base64,${source.data}` } };
    case "url":
      return { type: "image_url", image_url: { url: source.url } };
    default:
      throw new TranslationError(
        `image blocks with source type "${source.type}" cannot be sent to an OpenAI-compatible provider; send the image as base64 or a URL`,
        { path },
      );
  }
}
