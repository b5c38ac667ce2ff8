import type { KeyHealthRecord } from "@ccr/router";
import { redisServerAvailable, startRedisServer, type TestRedisServer } from "@ccr/testkit";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cooledUntil, monitorCommands, storeFactory, TTL_MS, uniquePrefix, waitUntil } from "./support.js";

// Pooled keys' records and budget counters on two stores (two replicas) sharing one real redis-server.

const SYNC_INTERVAL_MS = 700;
/**
 * The budget counters' documented staleness: a count reaches Redis with its replica's next exchange and the
 * other replica with its own next one, two sync intervals at most; the rest is margin for a busy machine.
 */
const USAGE_STALENESS_MS = 2 * SYNC_INTERVAL_MS + 300;

const refused = (until: number) => (): KeyHealthRecord => ({ cooldownUntil: until, cooldownReason: "auth" });

describe.skipIf(!redisServerAvailable)("shared key state: two stores on one Redis", () => {
  let server: TestRedisServer;
  let redis: Redis;
  const stores = storeFactory();

  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis(server.url);
  });
  afterEach(() => stores.closeAll());
  afterAll(async () => {
    redis?.disconnect();
    await server?.close();
  });

  async function pair(syncIntervalMs = 60_000) {
    const keyPrefix = uniquePrefix();
    const a = stores.create({ url: server.url, keyPrefix, syncIntervalMs });
    const b = stores.create({ url: server.url, keyPrefix, syncIntervalMs });
    expect(await a.synced(5_000)).toBe(true);
    expect(await b.synced(5_000)).toBe(true);
    return { a, b, keyPrefix };
  }

  it("a key taken out by A is out for B, stored apart from the tier records", async () => {
    const { a, b, keyPrefix } = await pair();
    const until = Date.now() + 300_000;
    await a.updateKey("zai#2", refused(until), TTL_MS);
    await a.update("zai,glm", cooledUntil(until + 1), TTL_MS);
    // Each change reaches B on its own notification; they may land in either order.
    await waitUntil(async () => (await b.getKeys(["zai#1", "zai#2"]))[1]?.cooldownUntil === until);
    await waitUntil(async () => (await b.get("zai,glm"))?.cooldownUntil === until + 1);
    expect((await b.getKeys(["zai#1", "zai#2"]))[0]).toBeUndefined();
    const stored = JSON.parse((await redis.hget(`${keyPrefix}key:zai#2`, "record"))!) as KeyHealthRecord;
    expect(stored).toMatchObject({ cooldownUntil: until, cooldownReason: "auth" });
    expect(await redis.smembers(`${keyPrefix}records`)).toEqual(
      expect.arrayContaining(["key:zai#2", "tier:zai,glm"]),
    );
  });

  it("a store that starts later reads the key records by the re-sync", async () => {
    const { a, keyPrefix } = await pair();
    const until = Date.now() + 60_000;
    await a.updateKey("q#1", () => ({ cooldownUntil: until, cooldownReason: "rate_limited" }), TTL_MS);
    const late = stores.create({ url: server.url, keyPrefix, syncIntervalMs: 60_000 });
    expect(await late.synced(5_000)).toBe(true);
    expect((await late.getKeys(["q#1"]))[0]).toMatchObject({
      cooldownUntil: until,
      cooldownReason: "rate_limited",
    });
  });

  it("budget counts reach the other store within the documented staleness, with no command per count", async () => {
    const { a, b } = await pair(SYNC_INTERVAL_MS);
    const monitor = await monitorCommands(server.url);
    const start = performance.now();
    for (let i = 0; i < 100; i++) {
      a.addKeyUsage("zai#1", Date.now(), { requests: 1, tokens: 50 });
      a.keyUsage("zai#1", Date.now());
    }
    expect(a.keyUsage("zai#1", Date.now()).current).toEqual({ requests: 100, tokens: 5000 });
    await waitUntil(() => b.keyUsage("zai#1", Date.now()).current.requests === 100, 5_000);
    const took = performance.now() - start;
    expect(took).toBeLessThan(USAGE_STALENESS_MS);
    expect(b.keyUsage("zai#1", Date.now()).current).toEqual({ requests: 100, tokens: 5000 });
    // A's count is not doubled once the fleet's total comes back to it.
    await new Promise((resolve) => setTimeout(resolve, SYNC_INTERVAL_MS + 100));
    expect(a.keyUsage("zai#1", Date.now()).current).toEqual({ requests: 100, tokens: 5000 });
    await monitor.stop();
    // Periodic exchanges and re-syncs only: a few per interval, never one per count.
    const elapsedIntervals = Math.ceil((performance.now() - start) / SYNC_INTERVAL_MS) + 1;
    expect(monitor.names().length).toBeLessThanOrEqual(elapsedIntervals * 4);
    expect(monitor.names().every((name) => name === "EVALSHA" || name === "EVAL")).toBe(true);
  });
});
