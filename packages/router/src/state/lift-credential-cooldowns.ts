import type { CcrConfig } from "@ccr/config";
import { describeError } from "../describe-error.js";
import { liftKeyAuth } from "../keys/key-changes.js";
import { uniqueTiers } from "../routing/unique-tiers.js";
import type { RouterLogger } from "../types.js";
import { liftAuthCooldown } from "./circuit-breaker.js";
import { STATE_TTL_MS } from "./tier-health.js";
import type { TierStateStore } from "./tier-state-store.js";

/**
 * `afterReload(config)`, awaited before each request: when the config object is a new one (a reload), the
 * tiers cooling because their provider refused its credentials, and the keys of key pools taken out of
 * service for the same reason, get a fresh chance, since a reload is how a user fixes a key or adds credit.
 * Other cooldowns (rate limits, a key's too) and open circuits stay. Settled at once when nothing changed.
 */
export function liftCredentialCooldownsOnReload(deps: {
  store: TierStateStore;
  now: () => number;
  logger?: RouterLogger;
}): (config: CcrConfig) => Promise<void> {
  let seen: CcrConfig | undefined;
  let lifting: Promise<void> = Promise.resolve();

  async function lift(config: CcrConfig): Promise<void> {
    const tiers = uniqueTiers(config);
    const keyIds = Object.values(config.providers).flatMap((provider) =>
      (provider.keyPool ?? []).map((key) => key.id),
    );
    const [records, keyRecords] = await Promise.all([
      deps.store.getMany(tiers.map((tier) => tier.id)),
      deps.store.getKeys(keyIds),
    ]);
    const at = deps.now();
    const refused = (record: { cooldownReason?: string; cooldownUntil: number } | undefined) =>
      record?.cooldownReason === "auth" && record.cooldownUntil > at;
    const lifted = tiers.filter((_, index) => refused(records[index])).map((tier) => tier.id);
    const liftedKeys = keyIds.filter((_, index) => refused(keyRecords[index]));
    await Promise.all([
      ...lifted.map((id) => deps.store.update(id, liftAuthCooldown, STATE_TTL_MS)),
      ...liftedKeys.map((id) => deps.store.updateKey(id, liftKeyAuth, STATE_TTL_MS)),
    ]);
    const ids = [...lifted, ...liftedKeys];
    if (ids.length === 0) return;
    deps.logger?.info(
      { tiers: lifted, keys: liftedKeys },
      `config reloaded: trying ${ids.join(", ")} again despite the refused credentials`,
    );
  }

  return (config) => {
    if (config !== seen) {
      if (seen !== undefined) {
        lifting = lift(config).catch((error: unknown) => {
          deps.logger?.warn(
            { err: describeError(error) },
            `could not lift credentials cooldowns: ${describeError(error)}`,
          );
        });
      }
      seen = config;
    }
    return lifting;
  };
}
