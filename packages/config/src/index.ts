// Types of the provider spec that appear in `CcrConfig`; @ccr/provider owns them.
export type { ModelPricing, ProviderAuth, TransformerSpec, WireProtocol } from "@ccr/provider";
export { chainFor } from "./chains/resolve-chains.js";
export { resolveTier } from "./chains/resolve-tier.js";
export { DEFAULT_RETRY_POLICY, retryPolicyFor } from "./chains/retry-policy.js";
export { parseTierRef } from "./chains/tier-ref.js";
export { describeConfig } from "./describe/describe-config.js";
export { redactSecrets } from "./describe/redact-secrets.js";
export { ConfigError, type ConfigErrorKind } from "./issues/config-error.js";
export { type ConfigIssue, formatIssue } from "./issues/config-issue.js";
export { didYouMean } from "./issues/suggest.js";
export { type LoadConfigOptions, loadConfig } from "./load/load-config.js";
export { parseConfigText } from "./load/parse-config-text.js";
export type {
  LoadProviders,
  ProviderDefaults,
  ProviderLoadFailure,
  ProviderPackages,
} from "./load/provider-packages.js";
export { providerRefsOf } from "./load/provider-refs.js";
export { type ConfigPathOptions, resolveConfigPath } from "./load/resolve-config-path.js";
export { type ConfigChange, type ConfigWatcher, watchConfig } from "./load/watch-config.js";
export {
  DEFAULTS,
  type LoadResult,
  type NormalizeOptions,
  normalizeConfig,
} from "./normalize/normalize-config.js";
export { DEFAULT_LONG_CONTEXT_THRESHOLD } from "./normalize/normalize-router.js";
export type {
  CcrConfig,
  ChainTier,
  CustomTransformerConfig,
  ModelMetadata,
  PresetConfig,
  ProviderConfig,
  ProviderKey,
  RetryPolicy,
  RetryPolicyOverride,
  RouterConfig,
  Scenario,
  StateConfig,
  TierRef,
} from "./types.js";
export { SCENARIOS } from "./types.js";
