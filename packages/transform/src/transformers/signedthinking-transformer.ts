import type { TransformerFactory } from "../transformer/transformer.js";
import type { AnthropicMessagesRequest } from "../types/anthropic.js";

/**
 * Drops assistant `thinking` blocks that carry no signature before the request reaches Anthropic's own
 * API. Thinking produced by an OpenAI-compatible tier earlier in the conversation has no signature, and
 * Anthropic rejects unsigned thinking with a 400 on every later turn, which would leave that tier
 * unusable for the rest of the session. Signed blocks (Anthropic's own) are kept untouched.
 */
export const signedthinkingTransformer: TransformerFactory = () => ({
  name: "signedthinking",
  anthropicRequest(request) {
    return withoutUnsignedThinking(request);
  },
});

export function withoutUnsignedThinking(request: AnthropicMessagesRequest): AnthropicMessagesRequest {
  let changed = false;
  const messages = request.messages.map((message) => {
    if (message.role !== "assistant" || typeof message.content === "string") return message;
    const kept = message.content.filter((block) => block.type !== "thinking" || Boolean(block.signature));
    if (kept.length === message.content.length) return message;
    changed = true;
    if (kept.length > 0) return { ...message, content: kept };
    // An assistant turn may not be empty, nor hold an empty text block: keep what it thought as text.
    const thought = message.content
      .map((block) => (block.type === "thinking" ? block.thinking : ""))
      .join("\n");
    return { ...message, content: [{ type: "text" as const, text: thought.trim() || "(no answer)" }] };
  });
  return changed ? { ...request, messages } : request;
}
