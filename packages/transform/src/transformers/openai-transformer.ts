import type { TransformerFactory } from "../transformer/transformer.js";

/**
 * A marker for "plain OpenAI Chat Completions upstream": the default
 * translation already is exactly that, so it changes nothing.
 */
export const openaiTransformer: TransformerFactory = () => ({ name: "openai" });
