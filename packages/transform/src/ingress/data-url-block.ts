import { TranslationError } from "../errors/translation-error.js";
import type { AnthropicDocumentBlock, AnthropicImageBlock } from "../types/anthropic.js";

const DATA_URL = /^data:([^;,]+)(;base64)?,(.*)$/s;

/**
 * An image or file an OpenAI client sent by URL, as a canonical block: a `data:` URL becomes its bytes (a
 * PDF a document, plain text a text document, an image an image), an http(s) URL stays a URL.
 *
 * @param kind What the client's part was: an image part gives an image; a file part a document (or an
 * image, for an image file).
 */
export function dataUrlBlock(
  url: string,
  path: string,
  kind: "image" | "document",
): AnthropicImageBlock | AnthropicDocumentBlock {
  const data = DATA_URL.exec(url);
  if (!data) {
    if (!/^https?:\/\//i.test(url))
      throw new TranslationError("must be an http(s) URL or a data: URL", { path });
    return kind === "image"
      ? { type: "image", source: { type: "url", url } }
      : { type: "document", source: { type: "url", url } };
  }
  const mediaType = data[1] as string;
  const base64 = data[2] !== undefined;
  const payload = data[3] as string;
  if (mediaType.startsWith("image/")) {
    if (!base64) throw new TranslationError("image data URLs must be base64", { path });
    return { type: "image", source: { type: "base64", media_type: mediaType, data: payload } };
  }
  if (kind === "image") throw new TranslationError(`"${mediaType}" is not an image type`, { path });
  if (mediaType === "application/pdf") {
    if (!base64) throw new TranslationError("PDF data URLs must be base64", { path });
    return { type: "document", source: { type: "base64", media_type: mediaType, data: payload } };
  }
  if (mediaType.startsWith("text/")) {
    const text = base64 ? decodeBase64Text(payload, path) : decodePercentText(payload, path);
    return { type: "document", source: { type: "text", media_type: "text/plain", data: text } };
  }
  throw new TranslationError(`files of type "${mediaType}" are not supported (PDF, text or images)`, {
    path,
  });
}

function decodePercentText(payload: string, path: string): string {
  try {
    return decodeURIComponent(payload);
  } catch {
    throw new TranslationError("is not a valid percent-encoded data URL", { path });
  }
}

function decodeBase64Text(payload: string, path: string): string {
  try {
    const binary = atob(payload);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    throw new TranslationError("is not valid base64", { path });
  }
}
