/** Where the store keeps things in Redis, all under one prefix so several fleets can share a server. */
export interface RedisKeys {
  /**
   * A hash per record: `version`, `record` (JSON) and `origin` (the store that wrote it), expiring with it.
   * The record id says its kind (`tier:zai,glm-4.6`, `key:zai#2`), so tiers keep their `<prefix>tier:` keys.
   */
  record(recordId: string): string;
  /** What {@link record} puts before the record id (the sync script builds keys from the index). */
  readonly prefix: string;
  /** The set of record ids that have (or recently had) a record: what a sync reads. */
  readonly index: string;
  /** A counter every write increments: versions order the changes to a record. */
  readonly version: string;
  /** A random id set when the data set starts (after a restart or a flush): versions compare only within one. */
  readonly epoch: string;
  /** The pub/sub channel announcing each change with its new record. */
  readonly channel: string;
  /** What a budget counter's key starts with: `<prefix>usage:<key id>:<minute>` (a hash: requests, tokens). */
  readonly usagePrefix: string;
}

export function redisKeys(prefix: string): RedisKeys {
  return {
    record: (recordId) => `${prefix}${recordId}`,
    prefix,
    index: `${prefix}records`,
    version: `${prefix}version`,
    epoch: `${prefix}epoch`,
    channel: `${prefix}changes`,
    usagePrefix: `${prefix}usage:`,
  };
}
