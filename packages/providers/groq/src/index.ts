export { groqProvider } from "./groq-provider.js";
export { groqTransformer } from "./groq-transformer.js";
export { groqUsageTransformer } from "./groq-usage-transformer.js";
export { VERSION } from "./version.js";
