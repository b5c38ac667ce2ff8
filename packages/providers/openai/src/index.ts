export { openaiProvider } from "./openai-provider.js";
export { VERSION } from "./version.js";
