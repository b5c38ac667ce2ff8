import type { TransformerFactory } from "../transformer/transformer.js";
import { positiveIntegerOption } from "../transformer/transformer-options.js";

/** Output limits DeepSeek documents for its chat endpoint (api-docs.deepseek.com, 2025). */
const MODEL_MAX_TOKENS: Readonly<Record<string, number>> = {
  "deepseek-chat": 8192,
  "deepseek-reasoner": 65536,
};

/**
 * DeepSeek: thinking blocks go back as `reasoning_content` (its API answers
 * 400 when a tool-calling turn comes back without it), `reasoning_content`
 * in answers becomes thinking (the core translation does that), an explicit
 * thinking switch becomes `thinking: {type}`, the effort becomes
 * `reasoning_effort`, and `max_tokens` is clamped to the model's limit.
 * Option: `max_tokens` overrides the clamp for every model.
 */
export const deepseekTransformer: TransformerFactory = (options) => {
  const maxTokens = positiveIntegerOption("deepseek", options, "max_tokens");
  return {
    name: "deepseek",
    translation: { reasoning: "reasoning_content", reasoningEffort: true },
    openaiRequest(body, context) {
      let next = body;
      const limit = maxTokens ?? MODEL_MAX_TOKENS[context.model];
      if (limit !== undefined && next.max_tokens !== undefined && next.max_tokens > limit) {
        next = { ...next, max_tokens: limit };
      }
      // Only an explicit switch: Claude Code sends adaptive thinking on every request,
      // and that must not turn thinking on for a model the user picked without it.
      const thinking = context.request.thinking?.type;
      if (thinking === "enabled" || thinking === "disabled") next = { ...next, thinking: { type: thinking } };
      return next;
    },
  };
};
