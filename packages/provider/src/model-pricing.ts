/** Prices in US dollars per million tokens, as the provider publishes them for its standard tier. */
export interface ModelPricing {
  /** Uncached input tokens. */
  readonly input: number;
  readonly output: number;
  /** Input tokens served from the provider's prompt cache. */
  readonly cacheRead?: number;
  /** Input tokens written to the prompt cache, where the provider bills them apart. */
  readonly cacheWrite?: number;
}
