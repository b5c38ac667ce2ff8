import { normalizeConfig } from "@ccr/config";
import { createRouter } from "@ccr/router";
import { redisServerAvailable, startRedisServer, type TestRedisServer } from "@ccr/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { monitorCommands, storeFactory, uniquePrefix, waitUntil } from "./support.js";

// The real router's own record changes (recordSuccess, recordFailure) on two stores: what it writes on a
// 429 reaches the other replica, and what it writes on a success to a healthy tier costs nothing.

const A_URL = "https://a.example/v1/chat/completions";
const B_URL = "https://b.example/v1/chat/completions";

const config = normalizeConfig(
  {
    Providers: [
      { name: "a", api_base_url: A_URL, api_key: "sk-a", models: ["m"] },
      { name: "b", api_base_url: B_URL, api_key: "sk-b", models: ["m"] },
    ],
    Router: { default: "a,m", tiers: ["a,m", "b,m"], tierRetries: { "*": { max_retries: 0 } } },
  },
  { env: {} },
).config;

/** Provider `a` with two keys, `b` behind it: for the key pool tests. */
const pooled = normalizeConfig(
  {
    Providers: [
      { name: "a", api_base_url: A_URL, api_keys: ["sk-a-1", "sk-a-2"], models: ["m"] },
      { name: "b", api_base_url: B_URL, api_key: "sk-b", models: ["m"] },
    ],
    Router: { default: "a,m", tiers: ["a,m", "b,m"], tierRetries: { "*": { max_retries: 0 } } },
  },
  { env: {} },
).config;

const answer = () =>
  new Response(
    JSON.stringify({
      id: "chatcmpl-1",
      object: "chat.completion",
      created: 1,
      model: "m",
      choices: [{ index: 0, message: { role: "assistant", content: "hi" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
    }),
    { status: 200, headers: { "content-type": "application/json" } },
  );

/**
 * A provider per URL: `a` answers 429 with Retry-After 30 while `limited` holds (only for the key
 * `limitedKey`, when set), everything else answers. `keys` records the key of each call to `a`.
 */
function upstream() {
  const calls: string[] = [];
  const keys: string[] = [];
  const state: { limited: boolean; limitedKey?: string } = { limited: false };
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    calls.push(url);
    const key = new Headers(init?.headers).get("authorization")?.replace("Bearer ", "") ?? "";
    if (url === A_URL) keys.push(key);
    if (url === A_URL && state.limited && (state.limitedKey === undefined || state.limitedKey === key)) {
      return new Response(JSON.stringify({ error: { message: "slow down" } }), {
        status: 429,
        headers: { "content-type": "application/json", "retry-after": "30" },
      });
    }
    return answer();
  }) as typeof globalThis.fetch;
  return { fetch, calls, keys, state };
}

const ask = {
  model: "claude-sonnet-4-5",
  max_tokens: 50,
  messages: [{ role: "user" as const, content: "hi" }],
};

describe.skipIf(!redisServerAvailable)("the router on two stores sharing one Redis", () => {
  let server: TestRedisServer;
  const stores = storeFactory();

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(() => stores.closeAll());
  afterAll(() => server?.close());

  async function replicas(routerConfig = config) {
    const keyPrefix = uniquePrefix();
    const net = upstream();
    const make = async () => {
      const store = stores.create({ url: server.url, keyPrefix, syncIntervalMs: 60_000 });
      expect(await store.synced(5_000)).toBe(true);
      return { store, router: createRouter({ config: routerConfig, fetch: net.fetch, store }) };
    };
    return { net, first: await make(), second: await make() };
  }

  it("successes on healthy tiers send no Redis command", async () => {
    const { net, first, second } = await replicas();
    const monitor = await monitorCommands(server.url);
    for (let i = 0; i < 30; i++) {
      const response = await (i % 2 ? first : second).router.handle(ask);
      expect(response.status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    await monitor.stop();
    expect(net.calls).toHaveLength(30);
    expect(monitor.names()).toEqual([]);
    expect((await first.store.get("a,m"))?.latencyEwmaMs).toBeDefined();
  });

  it("a 429 with Retry-After 30 on one replica makes the other skip that tier without calling it", async () => {
    const { net, first, second } = await replicas();
    net.state.limited = true;
    const limited = await first.router.handle(ask);
    expect(limited.headers["x-ccr-tier"]).toBe("b,m");
    expect(net.calls).toEqual([A_URL, B_URL]);
    await waitUntil(async () => ((await second.store.get("a,m"))?.cooldownUntil ?? 0) > Date.now() + 25_000);
    const next = await second.router.handle(ask);
    expect(next.headers["x-ccr-tier"]).toBe("b,m");
    expect(net.calls).toEqual([A_URL, B_URL, B_URL]);
    expect((await second.router.tierStates())[0]).toMatchObject({ tier: "a,m", state: "cooling" });
  });

  it("a key rate-limited on one replica is skipped by the other, which goes on with the other key", async () => {
    const { net, first, second } = await replicas(pooled);
    net.state.limited = true;
    net.state.limitedKey = "sk-a-1";
    const served = await first.router.handle(ask);
    expect(served.headers["x-ccr-tier"]).toBe("a,m");
    expect(net.keys).toEqual(["sk-a-1", "sk-a-2"]);
    await waitUntil(
      async () => ((await second.store.getKeys(["a#1"]))[0]?.cooldownUntil ?? 0) > Date.now() + 25_000,
    );
    // The second replica's round-robin would start with a#1: it skips it without calling it.
    for (let i = 0; i < 3; i++) expect((await second.router.handle(ask)).headers["x-ccr-tier"]).toBe("a,m");
    expect(net.keys.slice(2)).toEqual(["sk-a-2", "sk-a-2", "sk-a-2"]);
    expect(net.calls.filter((url) => url === B_URL)).toEqual([]);
    expect((await second.router.tierStates())[0]?.keys).toMatchObject([
      { id: "a#1", state: "cooling" },
      { id: "a#2", state: "ready" },
    ]);
  });
});
