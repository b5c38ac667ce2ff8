/** Where the store keeps things in Redis, all under one prefix so several fleets can share a server. */
export interface RedisKeys {
  /** A hash per tier: `version`, `record` (JSON) and `origin` (the store that wrote it), expiring with it. */
  tier(tierId: string): string;
  /** What {@link tier} puts before the tier id (the sync script builds keys from the index). */
  readonly tierPrefix: string;
  /** The set of tier ids that have (or recently had) a record: what a sync reads. */
  readonly index: string;
  /** A counter every write increments: versions order the changes to a tier. */
  readonly version: string;
  /** A random id set when the data set starts (after a restart or a flush): versions compare only within one. */
  readonly epoch: string;
  /** The pub/sub channel announcing each change with its new record. */
  readonly channel: string;
}

export function redisKeys(prefix: string): RedisKeys {
  const tierPrefix = `${prefix}tier:`;
  return {
    tier: (tierId) => `${tierPrefix}${tierId}`,
    tierPrefix,
    index: `${prefix}tiers`,
    version: `${prefix}version`,
    epoch: `${prefix}epoch`,
    channel: `${prefix}tier-changes`,
  };
}
