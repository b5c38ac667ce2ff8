import type { ModelCapabilities } from "./model-capabilities.js";
import type { ModelPricing } from "./model-pricing.js";

/** One model a provider serves, as the router and metrics need to know it. */
export interface ModelInfo {
  /** The id sent upstream, exactly as the provider spells it. */
  readonly id: string;
  readonly displayName?: string;
  /** Input plus output tokens the model accepts in one request. */
  readonly contextWindow: number;
  /** Upper bound for `max_tokens`; larger requests are clamped to it. */
  readonly maxOutputTokens: number;
  readonly capabilities: ModelCapabilities;
  readonly pricing: ModelPricing;
}
