export { VERSION } from "./version.js";
export { zaiProvider } from "./zai-provider.js";
