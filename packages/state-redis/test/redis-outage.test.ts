import type { TierHealthRecord } from "@ccr/router";
import { redisServerAvailable, startRedisServer, type TestRedisServer } from "@ccr/testkit";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StateStoreError } from "../src/index.js";
import { cooledUntil, oneMoreFailure, storeFactory, TTL_MS, uniquePrefix, waitUntil } from "./support.js";

// Redis going away must never stall or fail a request: the stores answer from their local copies,
// count and log the failures (not once per request), reconnect, and share again once it is back.

function recordingLogger() {
  const lines: Array<{ level: "info" | "warn"; msg: string }> = [];
  return {
    lines,
    info: (_obj: object, msg?: string) => lines.push({ level: "info", msg: msg ?? "" }),
    warn: (_obj: object, msg?: string) => lines.push({ level: "warn", msg: msg ?? "" }),
  };
}

const timed = async <T>(work: () => Promise<T>) => {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
};

describe.skipIf(!redisServerAvailable)("shared tier state when Redis is away", () => {
  let server: TestRedisServer;
  const stores = storeFactory();

  beforeEach(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    await stores.closeAll();
    await server.close();
  });

  async function pair(
    extra: { logger?: ReturnType<typeof recordingLogger>; commandTimeoutMs?: number } = {},
  ) {
    const keyPrefix = uniquePrefix();
    const a = stores.create({ url: server.url, keyPrefix, syncIntervalMs: 200, ...extra });
    const b = stores.create({ url: server.url, keyPrefix, syncIntervalMs: 200 });
    expect(await a.synced(5_000)).toBe(true);
    expect(await b.synced(5_000)).toBe(true);
    return { a, b, keyPrefix };
  }

  it("killed: both keep answering from local state at once, and share again when it returns", async () => {
    const logger = recordingLogger();
    const { a, b, keyPrefix } = await pair({ logger });
    const errors: StateStoreError[] = [];
    a.onError((event) => errors.push(event));
    const before = Date.now() + 60_000;
    await a.update("k,shared-before", cooledUntil(before), TTL_MS);
    await waitUntil(async () => (await b.get("k,shared-before"))?.cooldownUntil === before);

    await server.kill();
    const during = Date.now() + 45_000;
    const write = await timed(() => a.update("k,during", cooledUntil(during), TTL_MS));
    expect(write.ms).toBeLessThan(50);
    expect(write.value.after.cooldownUntil).toBe(during);
    expect((await a.get("k,during"))?.cooldownUntil).toBe(during);
    expect((await b.get("k,shared-before"))?.cooldownUntil).toBe(before);
    for (let i = 0; i < 50; i++) await b.update("k,b-during", oneMoreFailure, TTL_MS);
    expect((await b.get("k,b-during"))?.consecutiveFailures).toBe(50);
    await waitUntil(() => a.errorCount > 0 && b.errorCount > 0);
    expect(errors[0]?.operation).toBeDefined();

    await server.restart();
    // Redis came back empty: what the replicas changed meanwhile, and what they still remembered, is
    // written back and reaches the other replica.
    await waitUntil(async () => (await b.get("k,during"))?.cooldownUntil === during, 5_000);
    await waitUntil(async () => (await a.get("k,b-during"))?.consecutiveFailures === 50, 5_000);
    const redis = new Redis(server.url);
    await waitUntil(async () => (await redis.exists(`${keyPrefix}tier:k,shared-before`)) === 1, 5_000);
    redis.disconnect();
    expect((await a.get("k,shared-before"))?.cooldownUntil).toBe(before);

    // And new changes are shared as before.
    const after = Date.now() + 20_000;
    await b.update("k,after", cooledUntil(after), TTL_MS);
    await waitUntil(async () => (await a.get("k,after"))?.cooldownUntil === after);

    // One warning when it went away (and at most one reminder), one line when it came back.
    const warnings = logger.lines.filter((line) => line.level === "warn");
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.length).toBeLessThanOrEqual(2);
    expect(
      logger.lines.filter((line) => line.level === "info" && /answers again/.test(line.msg)),
    ).toHaveLength(1);
  });

  it("frozen: an update waits at most the command timeout, the ones after it not at all", async () => {
    const { a, b } = await pair({ commandTimeoutMs: 250 });
    server.pause();
    try {
      const until = Date.now() + 30_000;
      const first = await timed(() => a.update("f,m", cooledUntil(until), TTL_MS));
      expect(first.ms).toBeGreaterThanOrEqual(200);
      expect(first.ms).toBeLessThan(600);
      expect((await a.get("f,m"))?.cooldownUntil).toBe(until);
      const next = await timed(() => a.update("f,m", oneMoreFailure, TTL_MS));
      expect(next.ms).toBeLessThan(50);
      const other = await timed(() => a.update("g,m", oneMoreFailure, TTL_MS));
      expect(other.ms).toBeLessThan(50);
    } finally {
      server.resume();
    }
    await waitUntil(async () => {
      const record: TierHealthRecord | undefined = await b.get("f,m");
      return record?.consecutiveFailures === 1 && record.cooldownUntil > Date.now();
    }, 5_000);
    await waitUntil(async () => (await b.get("g,m"))?.consecutiveFailures === 1, 5_000);
  });

  it("unreachable from the start: it starts on local state and catches up once Redis is there", async () => {
    await server.kill();
    const keyPrefix = uniquePrefix();
    const a = stores.create({ url: server.url, keyPrefix, syncIntervalMs: 200 });
    expect(await a.synced(300)).toBe(false);
    const until = Date.now() + 30_000;
    const write = await timed(() => a.update("s,m", cooledUntil(until), TTL_MS));
    expect(write.ms).toBeLessThan(50);
    await server.restart();
    expect(await a.synced(5_000)).toBe(true);
    const b = stores.create({ url: server.url, keyPrefix, syncIntervalMs: 200 });
    expect(await b.synced(5_000)).toBe(true);
    await waitUntil(async () => (await b.get("s,m"))?.cooldownUntil === until, 5_000);
  });
});
