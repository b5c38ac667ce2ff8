export { deepseekProvider } from "./deepseek-provider.js";
export { deepseekTransformer } from "./deepseek-transformer.js";
export { VERSION } from "./version.js";
