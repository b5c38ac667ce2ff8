import type { AnthropicContentBlock, AnthropicCountTokensRequest } from "../../types/anthropic.js";
import { isKnownBlockType } from "./block-schema-dispatch.js";

/**
 * The distinct block types of a validated request that CCR does not know,
 * in order of first appearance: in `system`, in messages, and in tool
 * results. The schema accepted them as they are; the caller logs them.
 */
export function collectUnknownBlockTypes(request: AnthropicCountTokensRequest): string[] {
  const unknown = new Set<string>();
  if (Array.isArray(request.system)) addUnknown(request.system, unknown);
  for (const message of request.messages) {
    if (typeof message.content === "string") continue;
    addUnknown(message.content, unknown);
    for (const block of message.content)
      if (block.type === "tool_result" && Array.isArray(block.content)) addUnknown(block.content, unknown);
  }
  return [...unknown];
}

function addUnknown(
  blocks: readonly { type: string }[] | readonly AnthropicContentBlock[],
  into: Set<string>,
): void {
  for (const block of blocks) if (!isKnownBlockType(block.type)) into.add(block.type);
}
