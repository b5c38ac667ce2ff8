export { openrouterProvider } from "./openrouter-provider.js";
export { VERSION } from "./version.js";
