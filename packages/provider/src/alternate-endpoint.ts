import type { ProviderAuth } from "./provider-auth.js";
import type { TransformerSpec } from "./transformer-spec.js";
import type { WireProtocol } from "./wire-protocol.js";

/**
 * Another endpoint of the same provider a user may pick instead of the default one,
 * e.g. DeepSeek's Anthropic-compatible `https://api.deepseek.com/anthropic`.
 */
export interface AlternateEndpoint {
  /** Short name users write to choose it (`"anthropic"`, `"coding"`...). */
  readonly id: string;
  readonly baseUrl: string;
  readonly protocol: WireProtocol;
  readonly description: string;
  /** When the endpoint authenticates differently from the provider's default. */
  readonly auth?: ProviderAuth;
  /** Replaces the provider's default chain on this endpoint. */
  readonly transformers?: readonly TransformerSpec[];
}
