import type { TransformerFactory } from "../transformer/transformer.js";
import { booleanOption } from "../transformer/transformer-options.js";

/**
 * For OpenAI-compatible servers that switch thinking with `thinking` /
 * `enable_thinking` (Qwen, GLM, vLLM and SGLang templates) and return it as
 * `reasoning_content`: the client's thinking setting becomes
 * `thinking: {type, budget_tokens?}` plus `enable_thinking`, previous
 * thinking blocks go back as `reasoning_content`, and `reasoning_content` /
 * `reasoning` in answers become thinking blocks. Option `enable: false`
 * turns thinking off whatever the client asked.
 */
export const reasoningTransformer: TransformerFactory = (options) => {
  const enable = booleanOption("reasoning", options, "enable") ?? true;
  return {
    name: "reasoning",
    translation: { reasoning: enable ? "reasoning_content" : "drop" },
    openaiRequest(body, context) {
      const thinking = context.request.thinking;
      if (!enable || thinking?.type === "disabled") {
        return { ...body, thinking: { type: "disabled" }, enable_thinking: false };
      }
      if (thinking?.type === "enabled") {
        return {
          ...body,
          thinking: { type: "enabled", budget_tokens: thinking.budget_tokens },
          enable_thinking: true,
        };
      }
      if (thinking?.type === "adaptive")
        return { ...body, thinking: { type: "enabled" }, enable_thinking: true };
      return body;
    },
  };
};
