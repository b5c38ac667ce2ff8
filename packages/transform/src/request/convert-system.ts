import type { AnthropicContentBlock, AnthropicTextBlock } from "../types/anthropic.js";
import { unknownBlockToText } from "./unknown-block-to-text.js";

/**
 * The text of a system prompt or of a mid-conversation system message.
 * Claude Code splits its system prompt into several cache-controlled text
 * blocks; they become one string, sections separated by a blank line.
 * Any other block (a type from a client newer than CCR: validation lets
 * only text and unknown types through) is rendered as its JSON, never dropped.
 */
export function systemText(
  system: string | AnthropicTextBlock[] | AnthropicContentBlock[] | undefined,
): string {
  if (system === undefined) return "";
  if (typeof system === "string") return system;
  const texts: string[] = [];
  for (const block of system) {
    if (block.type !== "text") texts.push(unknownBlockToText(block));
    else if (block.text !== "") texts.push(block.text);
  }
  return texts.join("\n\n");
}
