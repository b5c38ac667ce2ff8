import type { TierHealthRecord } from "@ccr/router";
import { Redis } from "ioredis";
import { createRedisTierStateStore, type RedisTierStateStoreOptions } from "../src/index.js";

export const TTL_MS = 60_000;

export const HEALTHY: TierHealthRecord = {
  cooldownUntil: 0,
  circuit: "closed",
  openUntil: 0,
  consecutiveFailures: 0,
};

/** What the router's recordSuccess does to a healthy tier: only the latency average moves. */
export const succeeded =
  (latencyMs: number) =>
  (current: TierHealthRecord | undefined): TierHealthRecord => {
    const record = current ?? HEALTHY;
    return {
      ...record,
      circuit: "closed",
      openUntil: 0,
      probeStartedAt: undefined,
      consecutiveFailures: 0,
      latencyEwmaMs:
        record.latencyEwmaMs === undefined
          ? latencyMs
          : record.latencyEwmaMs + 0.3 * (latencyMs - record.latencyEwmaMs),
    };
  };

export const cooledUntil =
  (until: number) =>
  (current: TierHealthRecord | undefined): TierHealthRecord => ({
    ...(current ?? HEALTHY),
    cooldownUntil: until,
    cooldownReason: "rate_limited",
  });

export const oneMoreFailure = (current: TierHealthRecord | undefined): TierHealthRecord => {
  const record = current ?? HEALTHY;
  return { ...record, consecutiveFailures: record.consecutiveFailures + 1 };
};

let prefixes = 0;
/** A key prefix of its own per test, so tests on one server never see each other's records. */
export const uniquePrefix = () => `ccr-test-${process.pid}-${++prefixes}:`;

/** Stores that the test's `afterEach` closes. */
export function storeFactory() {
  const open: Array<{ close(): Promise<void> }> = [];
  return {
    create(options: RedisTierStateStoreOptions) {
      const store = createRedisTierStateStore(options);
      open.push(store);
      return store;
    },
    async closeAll() {
      await Promise.all(open.splice(0).map((store) => store.close()));
    },
  };
}

/** Every command clients send from now on (MONITOR), not counting those a script runs inside. */
export async function monitorCommands(url: string) {
  const client = new Redis(url);
  const monitor = await client.monitor();
  const commands: string[][] = [];
  monitor.on("monitor", (_time: string, args: string[], source: string) => {
    if (source !== "lua") commands.push(args);
  });
  return {
    commands,
    /** Command names in upper case, e.g. `EVALSHA`. */
    names: () => commands.map((args) => String(args[0]).toUpperCase()),
    async stop() {
      monitor.disconnect();
      client.disconnect();
    },
  };
}

/** Polls `check` until it returns true; resolves with the time it took, rejects after `timeoutMs`. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 2_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    if (await check()) return performance.now() - start;
    if (performance.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
