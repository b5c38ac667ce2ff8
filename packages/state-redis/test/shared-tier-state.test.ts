import type { TierHealthRecord } from "@ccr/router";
import { redisServerAvailable, startRedisServer, type TestRedisServer } from "@ccr/testkit";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  cooledUntil,
  HEALTHY,
  monitorCommands,
  oneMoreFailure,
  storeFactory,
  succeeded,
  TTL_MS,
  uniquePrefix,
  waitUntil,
} from "./support.js";

// Two stores on one real redis-server stand for two replicas.

const QUIET = { syncIntervalMs: 60_000 };
/** The staleness bound the docs promise. */
const STALENESS_MS = 1_000;

describe.skipIf(!redisServerAvailable)("shared tier state: two stores on one Redis", () => {
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

  async function pair(options: { syncIntervalMs?: number } = QUIET) {
    const keyPrefix = uniquePrefix();
    const a = stores.create({ url: server.url, keyPrefix, ...options });
    const b = stores.create({ url: server.url, keyPrefix, ...options });
    expect(await a.synced(5_000)).toBe(true);
    expect(await b.synced(5_000)).toBe(true);
    return { a, b, keyPrefix };
  }

  it("a cooldown written by A reaches B through the announcement, and B's reads send no command", async () => {
    const { a, b } = await pair();
    const monitor = await monitorCommands(server.url);
    const until = Date.now() + 30_000;
    await a.update("z,glm", cooledUntil(until), TTL_MS);
    const took = await waitUntil(async () => (await b.get("z,glm"))?.cooldownUntil === until);
    expect(took).toBeLessThan(STALENESS_MS);
    expect((await b.getMany(["z,glm", "other"]))[0]).toMatchObject({ cooldownReason: "rate_limited" });
    for (let i = 0; i < 100; i++) await b.get("z,glm");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await monitor.stop();
    // A's one compare-and-set (EVAL the first time a connection runs the script); nothing from B.
    expect(monitor.names().filter((name) => name !== "EVALSHA" && name !== "EVAL")).toEqual([]);
    expect(monitor.names().length).toBeLessThanOrEqual(2);
  });

  it("a change whose announcement was missed reaches B by the periodic re-sync, within the bound", async () => {
    const { b, keyPrefix } = await pair({ syncIntervalMs: 700 });
    const until = Date.now() + 30_000;
    // Written as the store writes, but not announced.
    const version = await redis.incr(`${keyPrefix}version`);
    const record: TierHealthRecord = { ...HEALTHY, cooldownUntil: until, cooldownReason: "rate_limited" };
    await redis.hset(`${keyPrefix}tier:q,m`, "version", version, "record", JSON.stringify(record));
    await redis.pexpire(`${keyPrefix}tier:q,m`, TTL_MS);
    await redis.sadd(`${keyPrefix}records`, "tier:q,m");
    const took = await waitUntil(async () => (await b.get("q,m"))?.cooldownUntil === until);
    expect(took).toBeLessThan(STALENESS_MS);
  });

  it("an unreadable record (another version writing?) is counted, ignored, and replaced by the next change", async () => {
    const { a, keyPrefix } = await pair();
    const operations: string[] = [];
    a.onError((event) => operations.push(event.operation));
    const version = await redis.incr(`${keyPrefix}version`);
    await redis.hset(`${keyPrefix}tier:u,m`, "version", version, "record", '{"circuit":"ajar"}');
    await redis.pexpire(`${keyPrefix}tier:u,m`, TTL_MS);
    await redis.sadd(`${keyPrefix}records`, "tier:u,m");
    const update = await a.update("u,m", oneMoreFailure, TTL_MS);
    expect(update.after.consecutiveFailures).toBe(1);
    expect(operations).toContain("message");
    const stored = JSON.parse((await redis.hget(`${keyPrefix}tier:u,m`, "record"))!) as TierHealthRecord;
    expect(stored).toMatchObject({ circuit: "closed", consecutiveFailures: 1 });
  });

  it("concurrent updates from both stores are atomic: no increment is lost", async () => {
    const { a, b, keyPrefix } = await pair();
    let runs = 0;
    const counted = (current: TierHealthRecord | undefined) => {
      runs++;
      return oneMoreFailure(current);
    };
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).update("t,m", counted, TTL_MS)),
    );
    const stored = JSON.parse((await redis.hget(`${keyPrefix}tier:t,m`, "record"))!) as TierHealthRecord;
    expect(stored.consecutiveFailures).toBe(40);
    await waitUntil(async () => (await a.get("t,m"))?.consecutiveFailures === 40);
    await waitUntil(async () => (await b.get("t,m"))?.consecutiveFailures === 40);
    // Each update ran its change at least once; re-runs after a conflict with the other store come on top.
    expect(runs).toBeGreaterThanOrEqual(40);
  });

  it("a record expires by its TTL in Redis and in both copies", async () => {
    const { a, b, keyPrefix } = await pair();
    await a.update("e,m", cooledUntil(Date.now() + 60_000), 400);
    await waitUntil(async () => (await b.get("e,m")) !== undefined);
    expect(await redis.pttl(`${keyPrefix}tier:e,m`)).toBeGreaterThan(0);
    await waitUntil(async () => (await a.get("e,m")) === undefined && (await b.get("e,m")) === undefined);
    expect(await redis.exists(`${keyPrefix}tier:e,m`)).toBe(0);
  });

  it("the half-open probe is claimed by exactly one store, round after round", async () => {
    const { a, b } = await pair();
    const claim = (current: TierHealthRecord | undefined): TierHealthRecord => {
      const record = current ?? HEALTHY;
      return record.circuit === "open" && record.openUntil <= Date.now()
        ? { ...record, circuit: "half_open", probeStartedAt: Date.now() }
        : record;
    };
    for (let round = 0; round < 10; round++) {
      const openedAt = Date.now() - 1;
      await a.update(
        "p,m",
        (current) => ({ ...(current ?? HEALTHY), circuit: "open", openUntil: openedAt }),
        TTL_MS,
      );
      await waitUntil(async () => (await b.get("p,m"))?.openUntil === openedAt);
      const [fromA, fromB] = await Promise.all([
        a.update("p,m", claim, TTL_MS),
        b.update("p,m", claim, TTL_MS),
      ]);
      const claimed = [fromA, fromB].filter((update) => update.before?.circuit === "open");
      expect(claimed).toHaveLength(1);
      expect(fromA.after.circuit).toBe("half_open");
      expect(fromB.after.circuit).toBe("half_open");
    }
  });

  it("a success on a healthy tier sends no Redis command; a change to a shared field sends one", async () => {
    const { a, b } = await pair();
    const monitor = await monitorCommands(server.url);
    for (let i = 0; i < 200; i++) await a.update("h,m", succeeded(100 + (i % 7)), TTL_MS);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(monitor.names()).toEqual([]);
    expect((await a.get("h,m"))?.latencyEwmaMs).toBeGreaterThan(100);
    expect(await b.get("h,m")).toBeUndefined();

    await a.update("h,m", oneMoreFailure, TTL_MS);
    await a.update("h,m", succeeded(90), TTL_MS); // resets the failure count: shared
    for (let i = 0; i < 50; i++) await a.update("h,m", succeeded(90), TTL_MS);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await monitor.stop();
    expect(monitor.names().filter((name) => name === "EVALSHA" || name === "EVAL")).toHaveLength(2);
    await waitUntil(async () => (await b.get("h,m"))?.consecutiveFailures === 0);
    // Latency stays each replica's own: A keeps its average, B shows the last one written.
    expect((await a.get("h,m"))?.latencyEwmaMs).toBeLessThan(100);
  });
});
