import { normalizeToolId, type OpenAIChatMessage, type TransformerFactory } from "@ccr/provider";

/** What the translation makes of Kimi's `functions.Name:0` ids: `functions_Name_0_<hash>`. */
const NORMALIZED_KIMI_ID = /^functions_.+_(\d+)_[A-Za-z0-9]+$/;

/**
 * Moonshot / Kimi: thinking goes back as `reasoning_content` (kimi-k2-thinking
 * wants it during tool use), and tool call ids get back Kimi's own
 * `functions.<name>:<index>` form. Kimi's ids are not valid Anthropic ids,
 * so the answer side normalizes them (`functions_<name>_<index>_<hash>`); Kimi's
 * chat template relies on the original form, which this restores in the
 * assistant tool calls and the matching tool results (only where normalizing
 * the restored id gives back exactly the id seen, so no other id is touched).
 */
export const moonshotTransformer: TransformerFactory = () => ({
  name: "moonshot",
  translation: { reasoning: "reasoning_content" },
  openaiRequest(body) {
    const restored = new Map<string, string>();
    for (const message of body.messages) {
      if (message.role !== "assistant" || !message.tool_calls) continue;
      for (const call of message.tool_calls) {
        const match = NORMALIZED_KIMI_ID.exec(call.id);
        if (!match) continue;
        const original = `functions.${call.function.name}:${match[1]}`;
        if (normalizeToolId(original) === call.id) restored.set(call.id, original);
      }
    }
    if (restored.size === 0) return body;
    return { ...body, messages: body.messages.map((message) => restoreIds(message, restored)) };
  },
});

function restoreIds(message: OpenAIChatMessage, restored: ReadonlyMap<string, string>): OpenAIChatMessage {
  if (message.role === "tool") {
    const id = restored.get(message.tool_call_id);
    return id ? { ...message, tool_call_id: id } : message;
  }
  if (message.role === "assistant" && message.tool_calls) {
    return {
      ...message,
      tool_calls: message.tool_calls.map((call) => {
        const id = restored.get(call.id);
        return id ? { ...call, id } : call;
      }),
    };
  }
  return message;
}
