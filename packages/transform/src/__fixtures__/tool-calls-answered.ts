import type { OpenAIChatMessage } from "../types/openai.js";

/**
 * Whether every assistant tool call of an OpenAI body is answered by a tool
 * message right after it (before any other message), as OpenAI-compatible
 * APIs require, and no tool message answers a call that is not there.
 */
export function toolCallsAnswered(messages: readonly OpenAIChatMessage[]): boolean {
  let open: Set<string> | undefined;
  for (const message of messages) {
    if (message.role === "tool") {
      if (!open?.delete(message.tool_call_id)) return false;
      continue;
    }
    if (open !== undefined && open.size > 0) return false;
    open = message.role === "assistant" ? new Set(message.tool_calls?.map((call) => call.id)) : undefined;
  }
  return open === undefined || open.size === 0;
}
