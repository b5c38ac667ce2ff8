import type { AnthropicContentBlock, AnthropicTextBlock } from "../types/anthropic.js";

/**
 * The text of a system prompt or of a mid-conversation system message.
 * Claude Code splits its system prompt into several cache-controlled text
 * blocks; they become one string, sections separated by a blank line.
 * Non-text blocks have no place in a system message and are left out.
 */
export function systemText(
  system: string | AnthropicTextBlock[] | AnthropicContentBlock[] | undefined,
): string {
  if (system === undefined) return "";
  if (typeof system === "string") return system;
  const texts: string[] = [];
  for (const block of system) {
    if (block.type === "text" && block.text !== "") texts.push(block.text);
  }
  return texts.join("\n\n");
}
