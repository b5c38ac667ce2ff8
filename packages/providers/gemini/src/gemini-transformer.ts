import { mapToolParameters, type TransformerFactory } from "@ccr/provider";
import { cleanGeminiSchema } from "./clean-gemini-schema.js";

/**
 * Gemini (OpenAI-compatible endpoint): tool parameter schemas cleaned
 * recursively to what Gemini accepts (`cleanGeminiSchema`).
 */
export const geminiTransformer: TransformerFactory = () => ({
  name: "gemini",
  openaiRequest(body) {
    if (!body.tools) return body;
    return { ...body, tools: mapToolParameters(body.tools, cleanGeminiSchema) };
  },
});
