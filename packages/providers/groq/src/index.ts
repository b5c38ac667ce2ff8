export { groqProvider } from "./groq-provider.js";
export { VERSION } from "./version.js";
