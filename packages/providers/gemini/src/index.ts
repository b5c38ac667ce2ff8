export { geminiProvider } from "./gemini-provider.js";
export { VERSION } from "./version.js";
