import type { ModelPricing } from "@ccr/provider";
import type { TokenUsage } from "./metrics-sink.js";

/**
 * USD per million tokens: the provider spec's `ModelPricing`.
 * @deprecated Use `ModelPricing` of `@ccr/provider`; this name stays for existing callers.
 */
export type ModelPrice = ModelPricing;

/** Keyed by `"provider,model"` or by bare model name; the tier id wins. */
export type PriceTable = Readonly<Record<string, ModelPricing>>;

export function priceFor(
  prices: PriceTable | undefined,
  tier: string,
  model: string,
): ModelPricing | undefined {
  if (!prices) return undefined;
  return prices[tier] ?? prices[model];
}

/** What `usage` cost; cache reads and writes are billed at the input price when the pricing gives none. */
export function costUsd(price: ModelPricing, usage: TokenUsage): number {
  return (
    (usage.inputTokens * price.input +
      usage.outputTokens * price.output +
      usage.cacheReadTokens * (price.cacheRead ?? price.input) +
      usage.cacheCreationTokens * (price.cacheWrite ?? price.input)) /
    1_000_000
  );
}
