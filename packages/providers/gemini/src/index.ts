export { cleanGeminiSchema } from "./clean-gemini-schema.js";
export { geminiProvider } from "./gemini-provider.js";
export { geminiTransformer } from "./gemini-transformer.js";
export { VERSION } from "./version.js";
