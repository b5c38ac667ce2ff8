export { deepseekProvider } from "./deepseek-provider.js";
export { VERSION } from "./version.js";
