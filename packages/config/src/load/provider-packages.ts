import type { ProviderDefinition } from "@ccr/provider";

/**
 * What this package reads of a provider package's definition to fill in a `"provider": "<ref>"` entry: a
 * `ProviderDefinition` of `@ccr/provider` as it is, without the parts only the proxy uses (display name,
 * docs, provided transformers).
 */
export type ProviderDefaults = Pick<
  ProviderDefinition,
  | "id"
  | "defaultBaseUrl"
  | "protocol"
  | "auth"
  | "apiKeyEnv"
  | "headers"
  | "transformers"
  | "modelTransformers"
  | "models"
  | "alternateEndpoints"
>;

/** Why a `provider` reference could not be loaded; reported as an issue of the entries naming it. */
export interface ProviderLoadFailure {
  readonly reason: string;
  /** What to do, e.g. `install it: npm i @ccr/provider-deepseek`. */
  readonly suggestion?: string;
}

/** The provider packages found for the `provider` references of a file, keyed by the reference as written. */
export interface ProviderPackages {
  readonly providerDefinitions?: Readonly<Record<string, ProviderDefaults>>;
  readonly providerLoadFailures?: Readonly<Record<string, ProviderLoadFailure>>;
}

/**
 * Loads the packages named by `refs` (I/O belongs to the caller: the proxy imports them). Never rejects:
 * a reference that cannot be loaded goes in `providerLoadFailures`.
 */
export type LoadProviders = (refs: readonly string[], configPath: string) => Promise<ProviderPackages>;
