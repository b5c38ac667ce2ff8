import type { AnthropicMessagesRequest } from "@ccr/transform";

/** Whether any message carries an image, including inside a tool result (a screenshot a tool returned). */
export function requestHasImages(request: AnthropicMessagesRequest): boolean {
  return request.messages.some((message) => hasImage(message.content));
}

function hasImage(content: unknown): boolean {
  if (!Array.isArray(content)) return false;
  return content.some((block: { type?: unknown; content?: unknown }) =>
    block.type === "image" ? true : block.type === "tool_result" ? hasImage(block.content) : false,
  );
}
