import type { TokenUsage } from "./metrics-sink.js";

/** USD per million tokens. Cache prices default to the input price when not given. */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
  readonly cacheRead?: number;
  readonly cacheWrite?: number;
}

/** Keyed by `"provider,model"` or by bare model name; the tier id wins. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

export function priceFor(
  prices: PriceTable | undefined,
  tier: string,
  model: string,
): ModelPrice | undefined {
  if (!prices) return undefined;
  return prices[tier] ?? prices[model];
}

export function costUsd(price: ModelPrice, usage: TokenUsage): number {
  return (
    (usage.inputTokens * price.input +
      usage.outputTokens * price.output +
      usage.cacheReadTokens * (price.cacheRead ?? price.input) +
      usage.cacheCreationTokens * (price.cacheWrite ?? price.input)) /
    1_000_000
  );
}
