import { createRedisTierStateStore } from "@ccr/state-redis";
// The throwaway redis-server of the store's own tests (one owner for how tests run Redis).
import {
  type Behaviour,
  type FakeOpenAI,
  httpError,
  openaiText,
  type RunningProxy,
  rateLimited,
  redisServerAvailable,
  startFakeOpenAI,
  startProxy,
  startRedisServer,
  type TestRedisServer,
} from "@ccr/testkit";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cascadeConfig, elapsedSince, postMessages, userRequest } from "./support.js";

// Two real `ccr start` processes on one real Redis (REDIS_URL), as replicas behind a load balancer.

const TIER_A = "a,a-model";

let redis: TestRedisServer;
let proxies: RunningProxy[] = [];
let fakes: FakeOpenAI[] = [];

beforeEach(async () => {
  if (redisServerAvailable) redis = await startRedisServer();
});
afterEach(async () => {
  await Promise.all(proxies.map((proxy) => proxy.stop()));
  proxies = [];
  await Promise.all(fakes.map((fake) => fake.close()));
  fakes = [];
  await redis?.close();
});

/** Fake `a` answers as `aDoes` says at the time of each request; fake `b` always answers. */
async function fleet(aDoes: () => Behaviour) {
  const a = await startFakeOpenAI(() => aDoes());
  const b = await startFakeOpenAI(() => openaiText("from b"));
  fakes.push(a, b);
  const config = cascadeConfig({ a, b }, { max_retries: 0 });
  const start = () => startProxy({ config, env: { REDIS_URL: redis.url } });
  const [first, second] = await Promise.all([start(), start()]);
  proxies.push(first, second);
  return { a, b, first, second };
}

type TierView = { id: string; state: string; until: number | null };

/** What a replica says of a tier: read from its local copy, no provider call. */
async function tierState(proxy: RunningProxy, tier = TIER_A): Promise<TierView | undefined> {
  const stats = (await (await fetch(`${proxy.url}/api/stats`)).json()) as { tiers: TierView[] };
  return stats.tiers.find((view) => view.id === tier);
}

async function until(check: () => Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ask = (proxy: RunningProxy) => postMessages(proxy.url, userRequest());

// Each test starts two proxies and a Redis, and restarts Redis: more than the default 30 s on a busy machine.
describe.skipIf(!redisServerAvailable)(
  "two replicas sharing tier state through Redis",
  { timeout: 90_000 },
  () => {
    it("a 429 with Retry-After 30 on replica A makes replica B skip that tier without calling it", async () => {
      let limited = true;
      const { a, b, first, second } = await fleet(() => (limited ? rateLimited(30) : openaiText("from a")));
      const response = await ask(first);
      expect(response.headers.get("x-ccr-tier")).toBe("b,b-model");
      expect(a.requests).toHaveLength(1);
      limited = false;

      // The announcement takes milliseconds (the store's own tests hold it to the documented 1 s bound);
      // the margin here is for two busy processes polled over HTTP.
      await until(async () => (await tierState(second))?.state === "cooling", 2_000);
      const onB = await ask(second);
      expect(onB.status).toBe(200);
      expect(onB.headers.get("x-ccr-tier")).toBe("b,b-model");
      expect(a.requests).toHaveLength(1);
      expect(b.requests).toHaveLength(2);
      const view = await tierState(second);
      expect(view?.until).toBeGreaterThan(Date.now() + 25_000);
    });

    it("a circuit opened on A is open on B, and the half-open probe happens once across both", async () => {
      let aDoes: Behaviour = httpError(503);
      const { a, first, second } = await fleet(() => aDoes);
      // Five health failures in a row open the circuit.
      for (let i = 0; i < 5; i++) expect((await ask(first)).headers.get("x-ccr-tier")).toBe("b,b-model");
      expect(a.requests).toHaveLength(5);
      await until(async () => (await tierState(second))?.state === "open", 2_000);
      expect((await ask(second)).headers.get("x-ccr-tier")).toBe("b,b-model");
      expect(a.requests).toHaveLength(5);

      // Skip the 30 s open period: a third replica (this test) moves openUntil to the past, through Redis.
      const store = createRedisTierStateStore({ url: redis.url });
      try {
        expect(await store.synced(5_000)).toBe(true);
        expect((await store.get(TIER_A))?.circuit).toBe("open");
        await store.update(TIER_A, (current) => ({ ...current!, openUntil: Date.now() - 1 }), 15 * 60_000);
      } finally {
        await store.close();
      }
      await until(async () => (await tierState(first))?.state === "half_open");
      await until(async () => (await tierState(second))?.state === "half_open");

      // Six requests at once, three per replica, while the probe takes its time: one goes to `a`.
      aDoes = openaiText("probe answered", { delayMs: 600 });
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => ask(i % 2 === 0 ? first : second)),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(a.requests).toHaveLength(6);
      expect(answers.filter((answer) => answer.headers.get("x-ccr-tier") === TIER_A)).toHaveLength(1);

      // The probe succeeded: the circuit is closed for both replicas.
      aDoes = openaiText("from a");
      await until(async () => (await tierState(second))?.state === "healthy", 2_000);
      expect((await ask(second)).headers.get("x-ccr-tier")).toBe(TIER_A);
    });

    it("with Redis killed both replicas keep answering, and share again once it returns", async () => {
      let limited = false;
      const { a, first, second } = await fleet(() => (limited ? rateLimited(30) : openaiText("from a")));
      expect((await ask(first)).headers.get("x-ccr-tier")).toBe(TIER_A);

      await redis.kill();
      for (const proxy of [first, second, first, second]) {
        const start = performance.now();
        const response = await ask(proxy);
        expect(response.status).toBe(200);
        expect(elapsedSince(start)).toBeLessThan(1_000);
      }
      // A sees a 429 while Redis is away: A skips the tier at once; B cannot know yet.
      limited = true;
      expect((await ask(first)).headers.get("x-ccr-tier")).toBe("b,b-model");
      limited = false;
      const seenByA = a.requests.length;
      expect((await ask(first)).headers.get("x-ccr-tier")).toBe("b,b-model");
      expect(a.requests).toHaveLength(seenByA);
      // The outage is logged once the store's command times out, which may come after the answer.
      await until(async () => first.stdout().includes("shared tier state"));

      // Redis returns (empty): A writes back the cooldown it kept, and B skips the tier again.
      await redis.restart();
      await until(async () => (await tierState(second))?.state === "cooling", 10_000);
      expect((await ask(second)).headers.get("x-ccr-tier")).toBe("b,b-model");
      expect(a.requests).toHaveLength(seenByA);
    });
  },
);
