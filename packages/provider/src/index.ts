// --- the provider spec ---

// --- what a provider package needs to write its own transformers, without depending on @ccr/transform ---
export type {
  AnthropicMessagesRequest,
  OpenAIChatChunk,
  OpenAIChatMessage,
  OpenAIChatRequest,
  OpenAIChatResponse,
  OpenAIChunkHook,
  OpenAITool,
  TierContext,
  Transformer,
  TransformerFactory,
} from "@ccr/transform";
export {
  booleanOption,
  isRecord,
  mapToolParameters,
  normalizeToolId,
  numberOption,
  positiveIntegerOption,
  recordOption,
  TransformerConfigError,
} from "@ccr/transform";
export type { AlternateEndpoint } from "./alternate-endpoint.js";
export type { ClassicProviderEntry, ClassicProviderEntryOptions } from "./classic-provider-entry.js";
export { classicProviderEntry } from "./classic-provider-entry.js";
export { defineProvider } from "./define-provider.js";
export { definitionProblems } from "./definition-problems.js";
export type { ModelCapabilities } from "./model-capabilities.js";
export type { ModelInfo } from "./model-info.js";
export type { ModelPricing } from "./model-pricing.js";
export { protocolOfUrl } from "./protocol-of-url.js";
export type { ProviderAuth } from "./provider-auth.js";
export { providerAuthHeaders } from "./provider-auth-headers.js";
export type { ProviderDefinition } from "./provider-definition.js";
export { ProviderDefinitionError } from "./provider-definition-error.js";
export { providerEndpointUrl } from "./provider-endpoint-url.js";
export { providerFromModule } from "./provider-from-module.js";
export { providerPackageName } from "./provider-package-name.js";
export type { ProviderHeaderSource } from "./provider-request-headers.js";
export {
  ANTHROPIC_VERSION,
  providerAuthStyle,
  providerKeyHeaders,
  providerRequestHeaders,
} from "./provider-request-headers.js";
export { resolveModelInfo } from "./resolve-model-info.js";
export type { TransformerSpec } from "./transformer-spec.js";
export { VERSION } from "./version.js";
export type { WireProtocol } from "./wire-protocol.js";
