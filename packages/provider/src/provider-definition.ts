import type { TransformerFactory } from "@ccr/transform";
import type { AlternateEndpoint } from "./alternate-endpoint.js";
import type { ModelInfo } from "./model-info.js";
import type { ProviderAuth } from "./provider-auth.js";
import type { TransformerSpec } from "./transformer-spec.js";
import type { WireProtocol } from "./wire-protocol.js";

/**
 * Everything CCR needs to know about one provider, so that a config entry can say
 * `"provider": "<id>"` instead of spelling out URL, protocol, auth and transformers.
 * Explicit fields in the user's config always win over these defaults.
 */
export interface ProviderDefinition {
  /** Lower-case id, also the package suffix: `deepseek` is published as `@ccr/provider-deepseek`. */
  readonly id: string;
  readonly displayName: string;
  /**
   * The base URL as an SDK takes it; `providerEndpointUrl` makes the endpoint of it: `<base>/chat/completions`
   * for the OpenAI protocol (`/v1/chat/completions` on a bare host) and `<base>/v1/messages` for Anthropic.
   */
  readonly defaultBaseUrl: string;
  readonly protocol: WireProtocol;
  readonly auth: ProviderAuth;
  /** The environment variable users usually keep the key in, e.g. `DEEPSEEK_API_KEY`. */
  readonly apiKeyEnv?: string;
  /** Static headers every request needs (e.g. `anthropic-version`). Never put secrets here. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The default transformer chain, applied to every model in order. */
  readonly transformers: readonly TransformerSpec[];
  /** Extra transformers per model id, applied after the provider-wide chain. */
  readonly modelTransformers?: Readonly<Record<string, readonly TransformerSpec[]>>;
  /** Known models; the first one is the suggested default. */
  readonly models: readonly ModelInfo[];
  /**
   * Transformers this provider needs that are not built into `@ccr/transform`, by registry name.
   * Register them before creating translators (`registry.register(name, factory)`).
   */
  readonly transformersProvided?: Readonly<Record<string, TransformerFactory>>;
  readonly alternateEndpoints?: readonly AlternateEndpoint[];
  /** Where users get a key and read the API reference. */
  readonly docsUrl?: string;
}
