export { ConfigError, type ConfigErrorKind } from "./config-error";
export { type ConfigIssue, formatIssue } from "./config-issue";
export { describeConfig } from "./describe-config";
export { type LoadConfigOptions, loadConfig } from "./load-config";
export { DEFAULTS, type LoadResult, type NormalizeOptions, normalizeConfig } from "./normalize-config";
export { DEFAULT_LONG_CONTEXT_THRESHOLD } from "./normalize-router";
export { parseConfigText } from "./parse-config-text";
export type {
  LoadProviders,
  ModelMetadata,
  ModelPricing,
  ProviderAuth,
  ProviderDefaults,
  ProviderEndpointDefaults,
  ProviderLoadFailure,
  ProviderModelDefaults,
  ProviderPackages,
} from "./provider-defaults";
export { providerRefsOf } from "./provider-refs";
export { redactSecrets } from "./redact-secrets";
export { chainFor } from "./resolve-chains";
export { type ConfigPathOptions, resolveConfigPath } from "./resolve-config-path";
export { resolveTier } from "./resolve-tier";
export { DEFAULT_RETRY_POLICY, retryPolicyFor } from "./retry-policy";
export { didYouMean } from "./suggest";
export { parseTierRef } from "./tier-ref";
export type {
  CcrConfig,
  ChainTier,
  CustomTransformerConfig,
  PresetConfig,
  ProviderConfig,
  RetryPolicy,
  RetryPolicyOverride,
  RouterConfig,
  Scenario,
  TierRef,
  TransformerSpec,
  WireProtocol,
} from "./types";
export { SCENARIOS } from "./types";
export { type ConfigChange, type ConfigWatcher, watchConfig } from "./watch-config";
