import { normalizeToolId } from "../tool-ids.js";
import { shortenToolName } from "../tool-names.js";
import type { TranslationContext } from "../translation-context.js";
import type { AnthropicToolUseBlock } from "../types/anthropic.js";
import type { OpenAIToolCall } from "../types/openai.js";

export function convertToolUse(block: AnthropicToolUseBlock, context: TranslationContext): OpenAIToolCall {
  return {
    id: normalizeToolId(block.id),
    type: "function",
    function: { name: upstreamToolName(block.name, context), arguments: JSON.stringify(block.input ?? {}) },
  };
}

/** Shortens a tool name if needed and remembers the original for the way back. */
export function upstreamToolName(name: string, context: TranslationContext): string {
  const short = shortenToolName(name);
  if (short !== name) context.toolNames[short] = name;
  return short;
}
