import type { RequestEndEvent } from "./metrics-sink.js";
import { type MetricsTotals, SERIES_OUTPUT_TOKENS } from "./metrics-state.js";
import type { PerSecondWindow } from "./per-second-window.js";
import { costUsd, type PriceTable, priceFor } from "./price-table.js";
import { TIER_OUTPUT_TOKENS, type TierRecord } from "./tier-record.js";

/** Counts and durations made safe for counters and averages (which reject or spread NaN and negatives). */
export function safeCount(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Adds the tokens a request used to its tier and to the totals, with their cost when the tier's model has
 * a price, and the drift between the proxy's estimate of the prompt and what the provider counted.
 */
export function recordUsage(
  into: { readonly totals: MetricsTotals; readonly series: PerSecondWindow },
  record: TierRecord,
  event: RequestEndEvent,
  prices: PriceTable | undefined,
  now: number,
): void {
  const usage = event.usage;
  if (usage === undefined) return;
  const { totals } = into;
  const input = safeCount(usage.inputTokens);
  const output = safeCount(usage.outputTokens);
  const cacheRead = safeCount(usage.cacheReadTokens);
  const cacheCreation = safeCount(usage.cacheCreationTokens);
  record.inputTokens += input;
  record.outputTokens += output;
  record.cacheReadTokens += cacheRead;
  record.cacheCreationTokens += cacheCreation;
  totals.inputTokens += input;
  totals.outputTokens += output;
  totals.cacheReadTokens += cacheRead;
  totals.cacheCreationTokens += cacheCreation;
  record.window.add(now, TIER_OUTPUT_TOKENS, output);
  into.series.add(now, SERIES_OUTPUT_TOKENS, output);

  const price = priceFor(prices, record.labels.tier, record.labels.model);
  if (price !== undefined) {
    const cost = costUsd(price, {
      inputTokens: input,
      outputTokens: output,
      cacheReadTokens: cacheRead,
      cacheCreationTokens: cacheCreation,
    });
    record.costUsd += cost;
    totals.costUsd += cost;
  }

  // The estimate covers the whole prompt; the provider splits it into fresh and cached tokens.
  const upstream = input + cacheRead + cacheCreation;
  if (event.estimatedInputTokens > 0 && upstream > 0) {
    record.drift.add(event.estimatedInputTokens, upstream);
  }
}
