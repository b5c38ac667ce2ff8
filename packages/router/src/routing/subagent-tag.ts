import type { AnthropicMessagesRequest } from "@ccr/transform";

const OPEN = "<CCR-SUBAGENT-MODEL>";
const TAG = /<CCR-SUBAGENT-MODEL>([\s\S]*?)<\/CCR-SUBAGENT-MODEL>/g;

export interface SubagentTagResult {
  /** The `provider,model` written in the first tag, trimmed. */
  readonly target: string;
  /** The request with every tag removed from the system prompt and the first user turn. */
  readonly request: AnthropicMessagesRequest;
}

/**
 * Finds `<CCR-SUBAGENT-MODEL>provider,model</CCR-SUBAGENT-MODEL>` in the system prompt or the first
 * user turn (where Claude Code puts a subagent's instructions) and strips it: the tag is a routing
 * directive for CCR, not text for the model. The request is copied only where a tag was found.
 */
export function extractSubagentTag(request: AnthropicMessagesRequest): SubagentTagResult | undefined {
  let target: string | undefined;
  const strip = (text: string): string =>
    text.replace(TAG, (_match, inner: string) => {
      target ??= inner.trim();
      return "";
    });

  const system = stripContent(request.system, strip);
  const firstUser = request.messages.findIndex((message) => message.role === "user");
  const userContent = firstUser >= 0 ? stripContent(request.messages[firstUser]?.content, strip) : undefined;
  if (target === undefined) return undefined;

  const next: AnthropicMessagesRequest = { ...request };
  if (system !== undefined) next.system = system as AnthropicMessagesRequest["system"];
  if (userContent !== undefined) {
    next.messages = request.messages.slice();
    next.messages[firstUser] = { ...request.messages[firstUser]!, content: userContent as string };
  }
  return { target, request: next };
}

/** The content with tags stripped, or undefined when it holds none (so nothing is copied). */
function stripContent(content: unknown, strip: (text: string) => string): unknown {
  if (typeof content === "string") return content.includes(OPEN) ? strip(content) : undefined;
  if (!Array.isArray(content)) return undefined;
  let blocks: unknown[] | undefined;
  content.forEach((block: { type?: string; text?: unknown }, index) => {
    if (block.type !== "text" || typeof block.text !== "string" || !block.text.includes(OPEN)) return;
    blocks ??= content.slice();
    blocks[index] = { ...block, text: strip(block.text) };
  });
  return blocks;
}
