import type { CcrConfig } from "@ccr/config";
import { describeError } from "../describe-error.js";
import { uniqueTiers } from "../routing/unique-tiers.js";
import type { RouterLogger } from "../types.js";
import { liftAuthCooldown } from "./circuit-breaker.js";
import { STATE_TTL_MS } from "./tier-health.js";
import type { TierStateStore } from "./tier-state-store.js";

/**
 * `afterReload(config)`, awaited before each request: when the config object is a new one (a reload), the
 * tiers cooling because their provider refused its credentials get a fresh chance, since a reload is how a
 * user fixes a key or adds credit. Other cooldowns and open circuits stay. Settled at once when nothing changed.
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
    const records = await deps.store.getMany(tiers.map((tier) => tier.id));
    const at = deps.now();
    const lifted = tiers.filter((_, index) => {
      const record = records[index];
      return record?.cooldownReason === "auth" && record.cooldownUntil > at;
    });
    await Promise.all(lifted.map((tier) => deps.store.update(tier.id, liftAuthCooldown, STATE_TTL_MS)));
    if (lifted.length === 0) return;
    const ids = lifted.map((tier) => tier.id);
    deps.logger?.info(
      { tiers: ids },
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
