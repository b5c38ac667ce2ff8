import type { KeyRecord } from "./key-record.js";
import type { LabelledCounts, Series } from "./labelled-counts.js";
import type { TierValue } from "./prometheus-metrics.js";
import type { TierRecord } from "./tier-record.js";

/** What the Prometheus collectors read at scrape time, from the tier records. */

/** `ccr_requests_total`: every tier's ended requests by scenario and outcome, then those that reached no tier. */
export function* requestSeries(tiers: Iterable<TierRecord>, untiered: LabelledCounts): Iterable<Series> {
  for (const record of tiers) yield* record.requestsByOutcome.values();
  yield* untiered.values();
}

/** A per-tier count by failure reason (failures, retries). */
export function* reasonSeries(
  tiers: Iterable<TierRecord>,
  read: (record: TierRecord) => Partial<Record<string, number>>,
): Iterable<Series> {
  for (const record of tiers) {
    for (const [reason, value] of Object.entries(read(record))) {
      yield { labels: { ...record.labels, reason }, value: value ?? 0 };
    }
  }
}

/** One tier-labelled value per tier that has it. */
export function* tierSeries(tiers: Iterable<TierRecord>, read: TierValue): Iterable<Series> {
  for (const record of tiers) {
    const value = record.prometheusValue(read);
    if (value !== undefined) yield { labels: record.labels, value };
  }
}

/** A per-key count by outcome or reason (`ccr_key_attempts_total`, `ccr_key_cooldowns_total`). */
export function* keySeries(
  keys: Iterable<KeyRecord>,
  read: (record: KeyRecord) => LabelledCounts,
): Iterable<Series> {
  for (const record of keys) yield* read(record).values();
}

/** `ccr_key_state` of every key seen: 0 ready, 1 cooling, 2 out. */
export function* keyStateSeries(keys: Iterable<KeyRecord>, now: number): Iterable<Series> {
  for (const record of keys) yield { labels: record.labels, value: record.stateValue(now) };
}
