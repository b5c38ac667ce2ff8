export { ollamaProvider } from "./ollama-provider.js";
export { VERSION } from "./version.js";
