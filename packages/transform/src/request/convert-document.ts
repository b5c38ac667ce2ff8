import { TranslationError } from "../errors/translation-error.js";
import type { AnthropicDocumentBlock } from "../types/anthropic.js";

/**
 * Plain-text documents become text the model can read; anything else (PDFs,
 * URLs, uploaded files) has no OpenAI Chat equivalent, and dropping it
 * silently would let the model answer about a document it never saw.
 */
export function documentToText(block: AnthropicDocumentBlock, path: string): string {
  const { source } = block;
  let body: string | undefined;
  if (source.type === "text") body = source.data;
  else if (source.type === "content") {
    body =
      typeof source.content === "string"
        ? source.content
        : source.content.every((part) => part.type === "text")
          ? source.content.map((part) => (part as { text: string }).text).join("\n")
          : undefined;
  }
  if (body === undefined) {
    throw new TranslationError(
      `document blocks cannot be sent to an OpenAI-compatible provider (only plain-text documents can be inlined); remove the ${source.type} document or route this request to an Anthropic-compatible tier`,
      { path },
    );
  }
  const header = [block.title, block.context].filter(
    (part): part is string => typeof part === "string" && part !== "",
  );
  return header.length > 0 ? `${header.join("\n")}\n\n${body}` : body;
}
