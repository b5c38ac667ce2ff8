import type { Redis } from "ioredis";
import type { UsageExchange } from "./key-usage-counters.js";
import type { RedisKeys } from "./redis-keys.js";

// The scripts run atomically on the server. ioredis sends them by EVALSHA and falls back to EVAL when
// the server does not know them (a restarted Redis), so a restart costs no extra code here.

/**
 * Compare-and-set of one record (a tier's or a pooled key's). Optimistic like WATCH/MULTI/EXEC, but on a shared connection
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

/** Every live record (tiers and keys) with its version and remaining time, plus the counter: what a re-sync needs. */
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

/**
 * Budget counters: adds each delta to its `<usage prefix><key id>:<minute>` hash (requests, tokens; expiring
 * two minutes after the last add, when it no longer counts), then answers the totals asked for. One round
 * trip for every key of the fleet, per flush.
 */
const EXCHANGE_USAGE = `
local prefix = ARGV[1]
local ttl = ARGV[2]
local i = 4
for _ = 1, tonumber(ARGV[3]) do
  local key = prefix .. ARGV[i] .. ':' .. ARGV[i + 1]
  redis.call('HINCRBY', key, 'requests', ARGV[i + 2])
  redis.call('HINCRBY', key, 'tokens', ARGV[i + 3])
  redis.call('PEXPIRE', key, ttl)
  i = i + 4
end
local out = {}
while i + 1 <= #ARGV do
  local counts = redis.call('HMGET', prefix .. ARGV[i] .. ':' .. ARGV[i + 1], 'requests', 'tokens')
  out[#out + 1] = counts[1] or '0'
  out[#out + 1] = counts[2] or '0'
  i = i + 2
end
return out
`;

/** How long a minute's budget counter lives in Redis after its last add: past the minute after it, it no longer counts. */
const USAGE_TTL_MS = 2 * 60_000 + 10_000;

export interface CompareAndSetInput {
  /** `tier:<provider,model>` or `key:<provider#n>`. */
  readonly recordId: string;
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

export interface StoredRecord {
  /** The record id, `tier:...` or `key:...`. */
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
  readonly records: readonly StoredRecord[];
}

export interface TierScripts {
  compareAndSet(input: CompareAndSetInput): Promise<CompareAndSetResult>;
  readAll(): Promise<TierSnapshot>;
  exchangeUsage: UsageExchange;
}

type ScriptCall = (...args: Array<string | number>) => Promise<unknown[]>;

export function defineTierScripts(client: Redis, keys: RedisKeys): TierScripts {
  client.defineCommand("ccrTierCompareAndSet", { numberOfKeys: 4, lua: COMPARE_AND_SET });
  client.defineCommand("ccrTierReadAll", { numberOfKeys: 3, lua: READ_ALL });
  client.defineCommand("ccrExchangeUsage", { numberOfKeys: 0, lua: EXCHANGE_USAGE });
  const commands = client as unknown as {
    ccrTierCompareAndSet: ScriptCall;
    ccrTierReadAll: ScriptCall;
    ccrExchangeUsage: ScriptCall;
  };
  const newEpoch = () => crypto.randomUUID();

  return {
    async compareAndSet(input) {
      const reply = await commands.ccrTierCompareAndSet(
        keys.record(input.recordId),
        keys.index,
        keys.version,
        keys.epoch,
        String(input.expectedVersion),
        input.epoch,
        input.recordJson,
        String(Math.max(1, Math.ceil(input.ttlMs))),
        input.recordId,
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
        keys.prefix,
        newEpoch(),
      );
      const records: StoredRecord[] = [];
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
    async exchangeUsage(deltas, reads) {
      const reply = await commands.ccrExchangeUsage(
        keys.usagePrefix,
        String(USAGE_TTL_MS),
        String(deltas.length),
        ...deltas.flatMap((delta) => [
          delta.keyId,
          String(delta.bucket),
          String(delta.requests),
          String(delta.tokens),
        ]),
        ...reads.flatMap((read) => [read.keyId, String(read.bucket)]),
      );
      return reads.map((_, index) => ({
        requests: Number(reply[2 * index]),
        tokens: Number(reply[2 * index + 1]),
      }));
    },
  };
}
