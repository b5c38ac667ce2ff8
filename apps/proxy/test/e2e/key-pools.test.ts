import {
  type Behaviour,
  type FakeOpenAI,
  httpError,
  openaiText,
  type RecordedRequest,
  type RunningProxy,
  rateLimited,
  redisServerAvailable,
  startFakeOpenAI,
  startProxy,
  startRedisServer,
  type TestRedisServer,
} from "@ccr/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { ccr } from "./cli-support.js";
import { cascadeConfig, postMessages, userRequest } from "./support.js";

// The built `ccr start` with provider `a` holding a pool of two keys (from the environment, as users
// write them) in front of a fake that rate-limits or refuses by key, and provider `b` behind it.

const KEY_1 = "sk-e2e-pool-key-number-one";
const KEY_2 = "sk-e2e-pool-key-number-two";
const KEYS = { POOL_KEY_1: KEY_1, POOL_KEY_2: KEY_2 };

let proxies: RunningProxy[] = [];
let fakes: FakeOpenAI[] = [];
let redis: TestRedisServer | undefined;

afterEach(async () => {
  await Promise.all(proxies.map((proxy) => proxy.stop()));
  proxies = [];
  await Promise.all(fakes.map((fake) => fake.close()));
  fakes = [];
  await redis?.close();
  redis = undefined;
});

const keyOf = (request: RecordedRequest) =>
  String(request.headers.authorization ?? "").replace(/^Bearer /, "");

/** Fake `a` answers each key as `byKey` says at the time of the request; fake `b` always answers. */
async function fakesByKey(byKey: (key: string) => Behaviour) {
  const a = await startFakeOpenAI((request) => byKey(keyOf(request)));
  const b = await startFakeOpenAI(() => openaiText("from b"));
  fakes.push(a, b);
  return { a, b };
}

function poolConfig(
  fake: { a: FakeOpenAI; b: FakeOpenAI },
  keys: unknown[] = ["$POOL_KEY_1", "$POOL_KEY_2"],
) {
  const config = cascadeConfig(fake, { max_retries: 0 });
  const [first, ...rest] = config.Providers;
  const { api_key: _, ...a } = first!;
  return { ...config, Providers: [{ ...a, api_keys: keys }, ...rest] };
}

async function start(config: unknown, env: Record<string, string> = {}) {
  const proxy = await startProxy({ config, env: { ...KEYS, ...env } });
  proxies.push(proxy);
  return proxy;
}

const ask = (proxy: RunningProxy) => postMessages(proxy.url, userRequest());

type KeyView = {
  id: string;
  state: string;
  until: number | null;
  rpm: { used: number; limit: number } | null;
};
type TierView = { id: string; state: string; keys?: KeyView[] };

async function tierA(proxy: RunningProxy): Promise<TierView | undefined> {
  const stats = (await (await fetch(`${proxy.url}/api/stats`)).json()) as { tiers: TierView[] };
  return stats.tiers.find((tier) => tier.id === "a,a-model");
}

async function until(check: () => Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function expectNoKey(where: string, text: string) {
  for (const key of [KEY_1, KEY_2]) expect(text, where).not.toContain(key);
}

describe("key pools with the built CLI", { timeout: 60_000 }, () => {
  it("two keys, one rate-limited: the other carries the traffic with no tier fallback", async () => {
    const fake = await fakesByKey((key) => (key === KEY_1 ? rateLimited(30) : openaiText("from key two")));
    const proxy = await start(poolConfig(fake));
    for (let i = 0; i < 4; i++) {
      const response = await ask(proxy);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ccr-tier")).toBe("a,a-model");
    }
    // Four requests, five calls: the first moved on to the other key at once.
    expect(fake.a.requests.map(keyOf)).toEqual([KEY_1, KEY_2, KEY_2, KEY_2, KEY_2]);
    expect(fake.b.requests).toHaveLength(0);

    const metrics = await (await fetch(`${proxy.url}/metrics`)).text();
    expect(metrics).toContain('ccr_key_cooldowns_total{provider="a",key="a#1",reason="rate_limited"} 1');
    expect(metrics).toContain('ccr_key_attempts_total{provider="a",key="a#2",outcome="ok"} 4');
    expect(metrics).toContain('ccr_key_state{provider="a",key="a#1"} 1');
    expect(metrics).not.toMatch(/ccr_fallbacks_total\{/);
    expect((await tierA(proxy))?.keys?.map((key) => [key.id, key.state])).toEqual([
      ["a#1", "cooling"],
      ["a#2", "ready"],
    ]);
  });

  it("both keys rate-limited: the tier cools down and the next tier answers, then is skipped at no cost", async () => {
    const fake = await fakesByKey(() => rateLimited(30));
    const proxy = await start(poolConfig(fake));
    const first = await ask(proxy);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ccr-tier")).toBe("b,b-model");
    expect(fake.a.requests.map(keyOf)).toEqual([KEY_1, KEY_2]);
    expect((await ask(proxy)).headers.get("x-ccr-tier")).toBe("b,b-model");
    expect(fake.a.requests).toHaveLength(2);
    const view = await tierA(proxy);
    expect(view?.state).toBe("cooling");
    expect(view?.keys?.map((key) => key.state)).toEqual(["cooling", "cooling"]);
  });

  it("a revoked key is logged by id and skipped; a config reload tries it again; no key shows anywhere", async () => {
    let revoked = true;
    // The provider echoes the refused key in its message, as some do.
    const fake = await fakesByKey((key) =>
      key === KEY_1 && revoked ? httpError(401, `Incorrect API key provided: ${KEY_1}`) : openaiText("ok"),
    );
    const config = poolConfig(fake);
    const proxy = await start(config);
    for (let i = 0; i < 3; i++) expect((await ask(proxy)).headers.get("x-ccr-tier")).toBe("a,a-model");
    expect(fake.a.requests.map(keyOf)).toEqual([KEY_1, KEY_2, KEY_2, KEY_2]);
    await until(async () => proxy.stdout().includes("refused key a#1"));
    expect(proxy.stdout()).toContain("refused key a#1 (401: Incorrect API key provided: ***)");

    // Everything a person or a scraper can read: metrics, stats, ccr status --json, logs, error answers.
    const everything = {
      metrics: await (await fetch(`${proxy.url}/metrics`)).text(),
      stats: await (await fetch(`${proxy.url}/api/stats`)).text(),
      status: (await ccr(["status", "--json", "--port", String(proxy.port)], { HOME: proxy.home })).stdout,
      logs: proxy.stdout() + proxy.stderr(),
    };
    expect(JSON.parse(everything.status)).toMatchObject({ running: true });
    expect(everything.metrics).toContain('ccr_key_cooldowns_total{provider="a",key="a#1",reason="auth"} 1');
    expect(everything.stats).toContain('"a#1"');
    for (const [where, text] of Object.entries(everything)) expectNoKey(where, text);

    // The user fixes the key and the config is reloaded: a#1 is tried again.
    revoked = false;
    // At info level from the reload on, so the reload and the key's return are logged.
    proxy.writeConfig({ ...config, LOG_LEVEL: "info" });
    await until(async () => proxy.stdout().includes("config reloaded"));
    const before = fake.a.requests.length;
    for (let i = 0; i < 2; i++) await ask(proxy);
    expect(fake.a.requests.slice(before).map(keyOf)).toContain(KEY_1);
    expect(proxy.stdout()).toContain("trying a#1 again");
  });

  it("every key refused: the client hears which provider, and no key", async () => {
    const fake = await fakesByKey((key) => httpError(403, `key ${key} is not allowed`));
    const config = poolConfig(fake);
    config.Router.tiers = ["a,a-model"];
    const proxy = await start(config);
    const response = await ask(proxy);
    expect(response.status).toBe(502);
    const body = await response.text();
    expect(body).toContain('provider \\"a\\" refused the request');
    expectNoKey("error answer", body);
  });
});

// Two `ccr start` processes on one Redis: what one learns about a key, and what each counts against a
// budget, the other knows.
describe.skipIf(!redisServerAvailable)("key pools over two replicas on Redis", { timeout: 90_000 }, () => {
  it("a key rate-limited on replica A is skipped by replica B without a call", async () => {
    redis = await startRedisServer();
    const fake = await fakesByKey((key) => (key === KEY_1 ? rateLimited(30) : openaiText("from key two")));
    const config = poolConfig(fake);
    const [first, second] = await Promise.all([
      start(config, { REDIS_URL: redis.url }),
      start(config, { REDIS_URL: redis.url }),
    ]);
    expect((await ask(first)).headers.get("x-ccr-tier")).toBe("a,a-model");
    expect(fake.a.requests.map(keyOf)).toEqual([KEY_1, KEY_2]);
    await until(async () => (await tierA(second))?.keys?.[0]?.state === "cooling", 3_000);
    for (let i = 0; i < 3; i++) expect((await ask(second)).headers.get("x-ccr-tier")).toBe("a,a-model");
    expect(fake.a.requests.map(keyOf).slice(2)).toEqual([KEY_2, KEY_2, KEY_2]);
  });

  it("rpm budgets count the fleet's requests: spent on both replicas together, the tier is skipped", async () => {
    redis = await startRedisServer();
    const fake = await fakesByKey(() => openaiText("ok"));
    const config = poolConfig(fake, [
      { key: "$POOL_KEY_1", rpm: 1 },
      { key: "$POOL_KEY_2", rpm: 1 },
    ]);
    const [first, second] = await Promise.all([
      start(config, { REDIS_URL: redis.url }),
      start(config, { REDIS_URL: redis.url }),
    ]);
    const used = async (proxy: RunningProxy) =>
      ((await tierA(proxy))?.keys ?? []).reduce((sum, key) => sum + (key.rpm?.used ?? 0), 0);
    expect((await ask(first)).headers.get("x-ccr-tier")).toBe("a,a-model");
    // Within the documented staleness, B counts A's request against the key A used.
    await until(async () => (await used(second)) === 1, 3_000);
    expect((await ask(second)).headers.get("x-ccr-tier")).toBe("a,a-model");
    await until(async () => (await used(first)) === 2, 3_000);
    // One request a minute per key, two keys, two requests already: a third on either replica goes to b.
    expect((await ask(first)).headers.get("x-ccr-tier")).toBe("b,b-model");
    expect(fake.a.requests.map(keyOf).sort()).toEqual([KEY_1, KEY_2]);
    expect((await tierA(first))?.keys?.map((key) => key.state)).toEqual(["over_budget", "over_budget"]);
  });
});
