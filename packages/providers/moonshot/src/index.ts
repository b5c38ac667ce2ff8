export { moonshotProvider } from "./moonshot-provider.js";
export { VERSION } from "./version.js";
