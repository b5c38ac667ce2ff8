export { moonshotProvider } from "./moonshot-provider.js";
export { moonshotTransformer } from "./moonshot-transformer.js";
export { moonshotUsageTransformer } from "./moonshot-usage-transformer.js";
export { VERSION } from "./version.js";
