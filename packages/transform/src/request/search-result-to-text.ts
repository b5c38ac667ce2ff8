import type { AnthropicSearchResultBlock } from "../types/anthropic.js";

/** A client-supplied search result → its title, source and text, as the model would read it. */
export function searchResultToText(block: AnthropicSearchResultBlock): string {
  const text = block.content.map((part) => part.text).join("\n");
  return `[search result: ${block.title} (${block.source})]\n${text}`;
}
