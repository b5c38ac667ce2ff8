import type { TransformerFactory } from "../transformer/transformer.js";
import { positiveIntegerOption } from "../transformer/transformer-options.js";

/**
 * Sends the output limit as `max_completion_tokens` (OpenAI reasoning models
 * and some compatible servers reject `max_tokens`). Option
 * `max_completion_tokens`, as claude-code-router configs write it, caps the
 * limit for models below what Claude Code asks for.
 */
export const maxcompletiontokensTransformer: TransformerFactory = (options) => {
  const cap = positiveIntegerOption("maxcompletiontokens", options, "max_completion_tokens");
  return {
    name: "maxcompletiontokens",
    translation: { maxTokensField: "max_completion_tokens" },
    openaiRequest(body) {
      // A transformer listed earlier may have set max_tokens itself.
      const { max_tokens, ...rest } = body;
      const limit = body.max_completion_tokens ?? max_tokens;
      if (limit === undefined) return body;
      const capped = cap !== undefined && limit > cap ? cap : limit;
      if (max_tokens === undefined && capped === body.max_completion_tokens) return body;
      return { ...rest, max_completion_tokens: capped };
    },
  };
};
