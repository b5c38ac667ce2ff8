import { createServer } from "node:net";
import type { Logger } from "pino";
import { describe, expect, it } from "vitest";
import { createTierStateStore } from "./create-tier-state-store.js";

function recordingLogger() {
  const warnings: string[] = [];
  const logger = { info: () => {}, warn: (_obj: object, msg?: string) => warnings.push(msg ?? "") };
  return { warnings, logger: logger as unknown as Logger };
}

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("createTierStateStore", () => {
  it("leaves the router its in-memory store when REDIS_URL is not set", async () => {
    const { logger } = recordingLogger();
    for (const env of [{}, { REDIS_URL: "  " }]) {
      const handle = await createTierStateStore({ env, logger });
      expect(handle.store).toBeUndefined();
      await handle.close();
    }
  });

  it("takes the config's state.redis when REDIS_URL is not set, and REDIS_URL over it", async () => {
    const { logger, warnings } = recordingLogger();
    const port = await closedPort();
    const config = { state: { redisUrl: `redis://127.0.0.1:${port}` } };
    const [fromConfig, fromEnv] = await Promise.all([
      createTierStateStore({ env: {}, logger, config }),
      createTierStateStore({ env: { REDIS_URL: `redis://127.0.0.1:${port}/1` }, logger, config }),
    ]);
    await Promise.all([fromConfig.close(), fromEnv.close()]);
    expect(fromConfig.store).toBeDefined();
    expect(
      warnings.filter((line) => line.startsWith("Redis (state.redis in the config) did not answer")),
    ).toHaveLength(1);
    expect(warnings.filter((line) => line.startsWith("Redis (REDIS_URL) did not answer"))).toHaveLength(1);
    const none = await createTierStateStore({ env: { REDIS_URL: "" }, logger, config: {} });
    expect(none.store).toBeUndefined();
  });

  it("refuses a REDIS_URL that is not a Redis URL, naming the variable and not its value", async () => {
    const { logger } = recordingLogger();
    const attempt = createTierStateStore({ env: { REDIS_URL: "hunter2@cache:6379" }, logger });
    await expect(attempt).rejects.toThrow(/^REDIS_URL: not a Redis URL/);
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });

  it("starts on local state, with a warning, when Redis does not answer within a second", async () => {
    const { logger, warnings } = recordingLogger();
    const start = performance.now();
    const handle = await createTierStateStore({
      env: { REDIS_URL: `redis://127.0.0.1:${await closedPort()}` },
      logger,
    });
    try {
      expect(performance.now() - start).toBeLessThan(3_000);
      expect(warnings.some((line) => line.includes("did not answer within 1 s"))).toBe(true);
      const update = await handle.store!.update(
        "a,m",
        () => ({ cooldownUntil: 9, circuit: "closed", openUntil: 0, consecutiveFailures: 0 }),
        1_000,
      );
      expect(update.after.cooldownUntil).toBe(9);
      expect((await handle.store!.get("a,m"))?.cooldownUntil).toBe(9);
    } finally {
      await handle.close();
    }
  });
});
