import type { Redis } from "ioredis";
import type { RedisKeys } from "./redis-keys.js";

// Both scripts run atomically on the server. ioredis sends them by EVALSHA and falls back to EVAL when
// the server does not know them (a restarted Redis), so a restart costs no extra code here.

/**
 * Compare-and-set of one tier's record. Optimistic like WATCH/MULTI/EXEC, but on a shared connection
 * (a WATCH belongs to a connection, and concurrent updates of one process would share it) and in one
 * round trip: the caller sends the version its record came from; the write happens only if that is
 * still the stored one, and then the record is announced on the channel in the same step.
 */
const COMPARE_AND_SET = `
redis.call('SET', KEYS[4], ARGV[7], 'NX')
local epoch = redis.call('GET', KEYS[4])
local current = redis.call('HMGET', KEYS[1], 'version', 'record')
local version = current[1] or '0'
if epoch ~= ARGV[2] or version ~= ARGV[1] then
  return {0, epoch, version, current[2] or '', redis.call('PTTL', KEYS[1])}
end
local next = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[1], 'version', next, 'record', ARGV[3], 'origin', ARGV[8])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('SADD', KEYS[2], ARGV[5])
redis.call('PUBLISH', ARGV[6], cjson.encode({
  epoch = epoch, id = ARGV[5], version = next, ttlMs = tonumber(ARGV[4]), origin = ARGV[8], record = ARGV[3]
}))
return {1, epoch, next}
`;

/** Every live record with its version and remaining time, plus the counter: what a re-sync needs. */
const READ_ALL = `
redis.call('SET', KEYS[3], ARGV[2], 'NX')
local out = {redis.call('GET', KEYS[3]), redis.call('GET', KEYS[2]) or '0'}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local key = ARGV[1] .. id
  local fields = redis.call('HMGET', key, 'version', 'record', 'origin')
  if fields[1] and fields[2] then
    out[#out + 1] = id
    out[#out + 1] = fields[1]
    out[#out + 1] = fields[2]
    out[#out + 1] = fields[3] or ''
    out[#out + 1] = redis.call('PTTL', key)
  else
    redis.call('SREM', KEYS[1], id)
  end
end
return out
`;

export interface CompareAndSetInput {
  readonly tierId: string;
  readonly epoch: string;
  /** The version the new record is based on; 0 when there was none. */
  readonly expectedVersion: number;
  readonly recordJson: string;
  readonly ttlMs: number;
  /** This store's id, carried in the announcement so it can skip its own. */
  readonly origin: string;
}

export type CompareAndSetResult =
  | { readonly written: true; readonly epoch: string; readonly version: number }
  | {
      readonly written: false;
      readonly epoch: string;
      /** 0 when there is no record. */
      readonly version: number;
      readonly recordJson: string | undefined;
      /** As PTTL answers: -1 no expiry, -2 no key. */
      readonly pttlMs: number;
    };

export interface StoredTierRecord {
  readonly id: string;
  readonly version: number;
  readonly recordJson: string;
  /** The store that wrote it ("" when unknown). */
  readonly origin: string;
  readonly pttlMs: number;
}

export interface TierSnapshot {
  readonly epoch: string;
  /** The version counter when the snapshot was taken: a local record above it was written since. */
  readonly version: number;
  readonly records: readonly StoredTierRecord[];
}

export interface TierScripts {
  compareAndSet(input: CompareAndSetInput): Promise<CompareAndSetResult>;
  readAll(): Promise<TierSnapshot>;
}

type ScriptCall = (...args: Array<string | number>) => Promise<unknown[]>;

export function defineTierScripts(client: Redis, keys: RedisKeys): TierScripts {
  client.defineCommand("ccrTierCompareAndSet", { numberOfKeys: 4, lua: COMPARE_AND_SET });
  client.defineCommand("ccrTierReadAll", { numberOfKeys: 3, lua: READ_ALL });
  const commands = client as unknown as { ccrTierCompareAndSet: ScriptCall; ccrTierReadAll: ScriptCall };
  const newEpoch = () => crypto.randomUUID();

  return {
    async compareAndSet(input) {
      const reply = await commands.ccrTierCompareAndSet(
        keys.tier(input.tierId),
        keys.index,
        keys.version,
        keys.epoch,
        String(input.expectedVersion),
        input.epoch,
        input.recordJson,
        String(Math.max(1, Math.ceil(input.ttlMs))),
        input.tierId,
        keys.channel,
        newEpoch(),
        input.origin,
      );
      if (Number(reply[0]) === 1) {
        return { written: true, epoch: String(reply[1]), version: Number(reply[2]) };
      }
      const recordJson = String(reply[3]);
      return {
        written: false,
        epoch: String(reply[1]),
        version: Number(reply[2]),
        recordJson: recordJson === "" ? undefined : recordJson,
        pttlMs: Number(reply[4]),
      };
    },

    async readAll() {
      const reply = await commands.ccrTierReadAll(
        keys.index,
        keys.version,
        keys.epoch,
        keys.tierPrefix,
        newEpoch(),
      );
      const records: StoredTierRecord[] = [];
      for (let index = 2; index + 4 < reply.length; index += 5) {
        records.push({
          id: String(reply[index]),
          version: Number(reply[index + 1]),
          recordJson: String(reply[index + 2]),
          origin: String(reply[index + 3]),
          pttlMs: Number(reply[index + 4]),
        });
      }
      return { epoch: String(reply[0]), version: Number(reply[1]), records };
    },
  };
}
