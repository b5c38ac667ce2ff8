import type { ModelMetadata } from "@ccr/config";
import type { AnthropicMessagesRequest } from "@ccr/transform";

/**
 * The request with `max_tokens` no larger than the model's max output: Claude Code asks for what Claude can
 * write, and many models reject a larger value instead of capping it. A thinking budget is kept below the
 * new `max_tokens`, as the Anthropic protocol requires. Done on the Anthropic request, before translation,
 * so every protocol gets it; the same object when nothing changes.
 */
export function clampMaxTokens(
  request: AnthropicMessagesRequest,
  model: ModelMetadata | undefined,
): AnthropicMessagesRequest {
  const limit = model?.maxOutputTokens;
  if (limit === undefined || typeof request.max_tokens !== "number" || request.max_tokens <= limit)
    return request;
  const clamped: AnthropicMessagesRequest = { ...request, max_tokens: limit };
  const thinking = request.thinking;
  if (thinking?.type === "enabled" && thinking.budget_tokens >= limit) {
    clamped.thinking = { type: "enabled", budget_tokens: Math.max(1, limit - 1) };
  }
  return clamped;
}
