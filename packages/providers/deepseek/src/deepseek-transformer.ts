import { positiveIntegerOption, type TransformerFactory } from "@ccr/provider";

/**
 * DeepSeek: thinking blocks go back as `reasoning_content` (its API answers 400 when a tool-calling turn
 * comes back without it), `reasoning_content` in answers becomes thinking (the core translation does
 * that), an explicit thinking switch becomes `thinking: {type}` and the effort `reasoning_effort`.
 *
 * `max_tokens` is not clamped here: the model table of this package carries each model's output limit,
 * and the router clamps to it. Option `max_tokens`: a cap the user sets for every model, as the
 * `maxtoken` transformer does (kept for configs that write it here).
 */
export const deepseekTransformer: TransformerFactory = (options) => {
  const cap = positiveIntegerOption("deepseek", options, "max_tokens");
  return {
    name: "deepseek",
    translation: { reasoning: "reasoning_content", reasoningEffort: true },
    openaiRequest(body, context) {
      let next = body;
      if (cap !== undefined && next.max_tokens !== undefined && next.max_tokens > cap) {
        next = { ...next, max_tokens: cap };
      }
      // Only an explicit switch: Claude Code sends adaptive thinking on every request,
      // and that must not turn thinking on for a model the user picked without it.
      const thinking = context.request.thinking?.type;
      if (thinking === "enabled" || thinking === "disabled") next = { ...next, thinking: { type: thinking } };
      return next;
    },
  };
};
