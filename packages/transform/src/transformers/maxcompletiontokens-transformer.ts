import type { TransformerFactory } from "../transformer/transformer.js";

/**
 * Sends the output limit as `max_completion_tokens` (OpenAI reasoning models
 * and some compatible servers reject `max_tokens`).
 */
export const maxcompletiontokensTransformer: TransformerFactory = () => ({
  name: "maxcompletiontokens",
  translation: { maxTokensField: "max_completion_tokens" },
  openaiRequest(body) {
    // A transformer listed earlier may have set max_tokens itself.
    if (body.max_tokens === undefined) return body;
    const { max_tokens, ...rest } = body;
    return { ...rest, max_completion_tokens: body.max_completion_tokens ?? max_tokens };
  },
});
