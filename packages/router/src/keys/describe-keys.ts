import type { ProviderKey } from "@ccr/config";
import type { KeyHealth } from "../state/key-health.js";
import { NO_USAGE, usageInLastMinute } from "../state/key-usage.js";
import type { TierStateStore } from "../state/tier-state-store.js";
import { keyStatus } from "./key-status.js";

/** The keys of a pool as people read them: state by id, the budgets' use over the last minute; never a key. */
export async function describeKeys(
  store: TierStateStore,
  keys: readonly ProviderKey[],
  now: number,
): Promise<KeyHealth[]> {
  const records = await store.getKeys(keys.map((key) => key.id));
  return keys.map((key, index) => {
    const record = records[index];
    const budgeted = key.rpm !== undefined || key.tpm !== undefined;
    const used = budgeted ? usageInLastMinute(store.keyUsage(key.id, now), now) : NO_USAGE;
    const status = keyStatus(key, record, used, 0, now);
    return {
      id: key.id,
      state: status.kind,
      ...(status.kind !== "ready" && { until: status.until }),
      ...(key.rpm !== undefined && { rpm: { used: Math.round(used.requests), limit: key.rpm } }),
      ...(key.tpm !== undefined && { tpm: { used: Math.round(used.tokens), limit: key.tpm } }),
      ...(record?.lastError !== undefined && { lastError: record.lastError }),
    };
  });
}
