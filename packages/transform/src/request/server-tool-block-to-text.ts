import type { AnthropicServerToolResultBlock, AnthropicServerToolUseBlock } from "../types/anthropic.js";

/**
 * Hosted-tool turns (an Anthropic tier ran web_search, then the conversation
 * cascaded to an OpenAI tier) have no OpenAI form. Rendering them as text
 * keeps what the model learned from them without a 400 mid-conversation.
 */
export function serverToolBlockToText(
  block: AnthropicServerToolUseBlock | AnthropicServerToolResultBlock,
): string {
  if (block.type === "server_tool_use") return `[${block.name} ${JSON.stringify(block.input ?? {})}]`;
  const content = block.content;
  if (Array.isArray(content)) {
    const lines = content.map((item) => {
      if (isRecord(item) && typeof item.url === "string") {
        return typeof item.title === "string" ? `- ${item.title} (${item.url})` : `- ${item.url}`;
      }
      if (isRecord(item) && typeof item.text === "string") return item.text;
      return JSON.stringify(item);
    });
    return `[${block.type}]\n${lines.join("\n")}`;
  }
  if (isRecord(content) && typeof content.error_code === "string")
    return `[${block.type}: error ${content.error_code}]`;
  return `[${block.type}] ${JSON.stringify(content ?? null)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
