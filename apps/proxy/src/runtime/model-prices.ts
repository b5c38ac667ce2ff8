import type { CcrConfig } from "@ccr/config";
import type { ModelPrice } from "@ccr/metrics";

/** Prices of every model whose provider package publishes them, keyed `"provider,model"` as tiers are. */
export function modelPrices(config: CcrConfig): Record<string, ModelPrice> {
  const prices: Record<string, ModelPrice> = {};
  for (const provider of Object.values(config.providers)) {
    for (const [model, info] of Object.entries(provider.modelInfo ?? {})) {
      if (info.pricing !== undefined) prices[`${provider.name},${model}`] = info.pricing;
    }
  }
  return prices;
}

/**
 * Makes `table` (the object handed to the metrics, which read it at each request's end) hold `config`'s
 * prices, so a reload that changes providers changes what usage costs.
 */
export function replacePrices(table: Record<string, ModelPrice>, config: CcrConfig): void {
  for (const key of Object.keys(table)) delete table[key];
  Object.assign(table, modelPrices(config));
}
