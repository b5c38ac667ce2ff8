import type { TransformerSpec, WireProtocol } from "./types";

/**
 * How the API key travels upstream: `Authorization: Bearer <key>`, `x-api-key: <key>`, the key alone in a
 * custom header, or no key at all (local servers).
 */
export type ProviderAuth =
  | { readonly style: "bearer" }
  | { readonly style: "x-api-key" }
  | { readonly style: "header"; readonly header: string }
  | { readonly style: "none" };

/** Prices in US dollars per million tokens. */
export interface ModelPricing {
  readonly input: number;
  readonly output: number;
  readonly cacheRead?: number;
  readonly cacheWrite?: number;
}

/** What a provider package says about one of its models. */
export interface ProviderModelDefaults {
  readonly id: string;
  readonly contextWindow?: number;
  readonly maxOutputTokens?: number;
  readonly capabilities?: {
    readonly tools?: boolean;
    readonly vision?: boolean;
    readonly reasoning?: boolean;
  };
  readonly pricing?: ModelPricing;
}

/** Another endpoint of the same provider, picked by writing its URL as `api_base_url`. */
export interface ProviderEndpointDefaults {
  readonly id: string;
  readonly baseUrl: string;
  readonly protocol: WireProtocol;
  readonly auth?: ProviderAuth;
  readonly transformers?: readonly TransformerSpec[];
}

/**
 * The defaults a provider package gives a `"provider": "<ref>"` entry. A `ProviderDefinition` of
 * `@ccr/provider` satisfies it as it is; this package only spells out the part it reads, so it needs no
 * dependency on provider packages (the proxy imports them).
 */
export interface ProviderDefaults {
  readonly id: string;
  /** SDK-style base: the endpoint is `<base>/chat/completions` (OpenAI) or `<base>/v1/messages` (Anthropic). */
  readonly defaultBaseUrl: string;
  readonly protocol: WireProtocol;
  readonly auth: ProviderAuth;
  /** Where the key usually is: read when the entry has no `api_key`. */
  readonly apiKeyEnv?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly transformers: readonly TransformerSpec[];
  readonly modelTransformers?: Readonly<Record<string, readonly TransformerSpec[]>>;
  readonly models: readonly ProviderModelDefaults[];
  readonly alternateEndpoints?: readonly ProviderEndpointDefaults[];
}

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

/** What the router and metrics know about one model of a provider entry. */
export interface ModelMetadata {
  /** Input plus output tokens the model accepts in one request. */
  readonly contextWindow?: number;
  /** `max_tokens` is clamped to it. */
  readonly maxOutputTokens?: number;
  readonly tools?: boolean;
  /** `false`: requests with images go to other tiers when one can take them. */
  readonly vision?: boolean;
  readonly reasoning?: boolean;
  readonly pricing?: ModelPricing;
}
