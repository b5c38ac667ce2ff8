import type {
  AnthropicCompactionBlock,
  AnthropicContainerUploadBlock,
  AnthropicMcpToolResultBlock,
  AnthropicMcpToolUseBlock,
  AnthropicServerToolResultBlock,
  AnthropicServerToolUseBlock,
} from "../types/anthropic.js";

export type ServerSideBlock =
  | AnthropicServerToolUseBlock
  | AnthropicServerToolResultBlock
  | AnthropicMcpToolUseBlock
  | AnthropicMcpToolResultBlock
  | AnthropicContainerUploadBlock
  | AnthropicCompactionBlock;

/**
 * Blocks of work Anthropic ran on its side (hosted tools, remote MCP calls,
 * container uploads, server compaction: an Anthropic tier answered, then the
 * conversation cascaded to an OpenAI tier) have no OpenAI form. Rendering
 * them as text keeps what the model learned from them without a 400
 * mid-conversation.
 */
export function serverToolBlockToText(block: ServerSideBlock): string {
  switch (block.type) {
    case "server_tool_use":
      return `[${block.name} ${JSON.stringify(block.input ?? {})}]`;
    case "mcp_tool_use":
      return `[${block.server_name}/${block.name} ${JSON.stringify(block.input ?? {})}]`;
    case "mcp_tool_result": {
      const { content } = block;
      const text =
        typeof content === "string" ? content : (content ?? []).map((part) => part.text).join("\n");
      return `[mcp_tool_result${block.is_error === true ? ": error" : ""}]\n${text}`;
    }
    case "container_upload":
      return `[container_upload ${block.file_id}]`;
    case "compaction":
      return typeof block.content === "string"
        ? `[compaction]\n${block.content}`
        : `[compaction] ${JSON.stringify(block)}`;
    default:
      return serverToolResultToText(block);
  }
}

function serverToolResultToText(block: AnthropicServerToolResultBlock): string {
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
