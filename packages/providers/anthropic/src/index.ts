export { anthropicProvider } from "./anthropic-provider.js";
export { VERSION } from "./version.js";
