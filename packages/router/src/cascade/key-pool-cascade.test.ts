import { type CcrConfig, normalizeConfig } from "@ccr/config";
import type { AnthropicMessagesRequest } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { recordingLogger, recordingMetrics } from "../__fixtures__/recording-metrics.js";
import {
  json,
  openAIError,
  openAIMessage,
  type RecordedRequest,
  type Reply,
  scriptedFetch,
} from "../__fixtures__/scripted-fetch.js";
import { A_URL, B_URL } from "../__fixtures__/test-config.js";
import { createRouter } from "../create-router.js";
import { MemoryTierStateStore } from "../state/memory-tier-state-store.js";
import { AUTH_COOLDOWN_MS } from "./next-step.js";

const KEY_1 = "sk-pool-secret-one";
const KEY_2 = "sk-pool-secret-two";
const KEYS = [KEY_1, KEY_2];

/** Provider `a` with a pool of two keys (entries as written in `api_keys`), then `b` with one key. */
function poolConfig(keys: unknown[] = KEYS, router: Record<string, unknown> = {}): CcrConfig {
  return normalizeConfig(
    {
      Providers: [
        { name: "a", api_base_url: A_URL, api_keys: keys, models: ["m1"] },
        { name: "b", api_base_url: B_URL, api_key: "sk-b-secret", models: ["m2"] },
      ],
      Router: {
        default: "a,m1",
        tiers: ["a,m1", "b,m2"],
        tierRetries: { "*": { max_retries: 1, base_backoff_ms: 10, max_backoff_ms: 40 } },
        ...router,
      },
    },
    { env: {} },
  ).config;
}

const ask = (): AnthropicMessagesRequest => ({
  model: "claude-sonnet-4-5",
  max_tokens: 100,
  messages: [{ role: "user", content: "hello" }],
});

const keyOf = (request: RecordedRequest) => request.headers.authorization?.replace(/^Bearer /, "");

/** One reply per call, chosen by the key the call carries. */
const perKey =
  (replies: Record<string, Reply>): Reply =>
  (request) =>
    replies[keyOf(request) ?? ""]!(request);

const times = (n: number, reply: Reply): Reply[] => Array.from({ length: n }, () => reply);

/** A router over scripted upstreams and a settable clock; its sleep records the delay and moves the clock by it. */
function setup(script: Record<string, Reply[]>, options: { config?: CcrConfig } = {}) {
  const upstream = scriptedFetch(script);
  const metrics = recordingMetrics();
  const logger = recordingLogger();
  const clock = { now: 1_000_000 };
  const sleeps: number[] = [];
  let config = options.config ?? poolConfig();
  const store = new MemoryTierStateStore({ now: () => clock.now });
  const router = createRouter({
    config: () => config,
    fetch: upstream.fetch,
    observer: metrics,
    logger,
    store,
    now: () => clock.now,
    random: () => 0.5,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      clock.now += ms;
      if (signal?.aborted) throw signal.reason;
    },
  });
  const reload = (next: CcrConfig) => {
    config = next;
  };
  return { router, upstream, metrics, logger, clock, sleeps, store, reload };
}

/** Everything a test could see: no key of the pool may appear in any of it. */
function expectNoKey(...seen: unknown[]) {
  const text = JSON.stringify(seen);
  for (const key of KEYS) expect(text).not.toContain(key);
}

describe("key pools: choosing a key per attempt", () => {
  it("uses the keys in turn, with the key header built per attempt over the same body", async () => {
    const { router, upstream, metrics } = setup({ [A_URL]: times(4, openAIMessage("hi")) });
    for (let i = 0; i < 4; i++) expect((await router.handle(ask())).status).toBe(200);
    expect(upstream.calls.map(keyOf)).toEqual([KEY_1, KEY_2, KEY_1, KEY_2]);
    expect(upstream.calls[0]?.body).toEqual(upstream.calls[1]?.body);
    expect(upstream.calls[0]?.headers["content-type"]).toBe("application/json");
    expect(metrics.of("attemptEnd").map((event) => event.key)).toEqual(["a#1", "a#2", "a#1", "a#2"]);
  });

  it("a provider with one api_key string sends it as before, with no key id in events", async () => {
    const single = normalizeConfig(
      {
        Providers: [{ name: "a", api_base_url: A_URL, api_key: KEY_1, models: ["m1"] }],
        Router: { default: "a,m1" },
      },
      { env: {} },
    ).config;
    const { router, upstream, metrics } = setup({ [A_URL]: [openAIMessage("hi")] }, { config: single });
    await router.handle(ask());
    expect(keyOf(upstream.calls[0]!)).toBe(KEY_1);
    expect(metrics.of("attemptEnd")[0]?.key).toBeUndefined();
  });
});

describe("key pools: a rate-limited key", () => {
  it("two keys, one 429: the other serves at once, on the same tier, with no fallback and no backoff", async () => {
    const { router, upstream, metrics, logger, sleeps, clock } = setup({
      [A_URL]: [
        perKey({ [KEY_1]: openAIError(429, "slow down", { "retry-after": "30" }) }),
        ...times(3, openAIMessage("from the other key")),
      ],
    });
    const response = await router.handle(ask());
    expect(response).toMatchObject({ status: 200, tier: "a,m1", attempts: 2 });
    expect(upstream.callsTo(A_URL).map(keyOf)).toEqual([KEY_1, KEY_2]);
    expect(upstream.callsTo(B_URL)).toEqual([]);
    expect(sleeps).toEqual([]);
    expect(metrics.of("fallback")).toEqual([]);
    expect(metrics.of("retry")).toEqual([]);
    expect(metrics.of("attemptEnd").map((e) => [e.attempt, e.key, e.ok, e.status])).toEqual([
      [0, "a#1", false, 429],
      [1, "a#2", true, 200],
    ]);
    // The key cools down alone, for its Retry-After; the tier does not.
    expect(metrics.of("cooldown")).toEqual([
      {
        tier: "a,m1",
        provider: "a",
        model: "m1",
        key: "a#1",
        until: clock.now + 30_000,
        reason: "rate_limited",
      },
    ]);
    expect((await router.tierStates())[0]).toMatchObject({
      tier: "a,m1",
      state: "healthy",
      keys: [
        { id: "a#1", state: "cooling", until: clock.now + 30_000 },
        { id: "a#2", state: "ready" },
      ],
    });

    // While it cools, the other key carries the traffic.
    await router.handle(ask());
    expect(upstream.callsTo(A_URL).map(keyOf)).toEqual([KEY_1, KEY_2, KEY_2]);
    // Then both take turns again, the one back from its rate limit less often for a minute.
    clock.now += 31_000;
    for (let i = 0; i < 6; i++) await router.handle(ask());
    const after = upstream.callsTo(A_URL).slice(3).map(keyOf);
    const usesOf1 = after.filter((key) => key === KEY_1).length;
    expect(usesOf1).toBeGreaterThanOrEqual(1);
    expect(6 - usesOf1).toBeGreaterThan(usesOf1);
    expect(logger.lines.some((line) => line.msg?.includes("key a#1 of a,m1 is rate-limited for 30 s"))).toBe(
      true,
    );
    expectNoKey(metrics.events, logger.lines, await router.tierStates());
  });

  it("both keys 429: the tier cools until the first key is back, and the next tier answers", async () => {
    const { router, upstream, metrics, clock } = setup({
      [A_URL]: [
        openAIError(429, "slow down", { "retry-after": "20" }),
        openAIError(429, "slow down", { "retry-after": "40" }),
      ],
      [B_URL]: times(2, openAIMessage("from b")),
    });
    const start = clock.now;
    const response = await router.handle(ask());
    expect(response).toMatchObject({ status: 200, tier: "b,m2", attempts: 3 });
    expect(upstream.callsTo(A_URL).map(keyOf)).toEqual([KEY_1, KEY_2]);
    expect(metrics.of("fallback")).toEqual([expect.objectContaining({ reason: "rate_limited" })]);
    expect(metrics.of("cooldown")).toEqual([
      expect.objectContaining({ key: "a#1", until: start + 20_000 }),
      expect.objectContaining({ key: "a#2", until: start + 40_000 }),
      { tier: "a,m1", provider: "a", model: "m1", until: start + 20_000, reason: "rate_limited" },
    ]);
    expect((await router.tierStates())[0]).toMatchObject({ state: "cooling", until: start + 20_000 });

    // The next request skips the tier at no cost.
    await router.handle(ask());
    expect(upstream.callsTo(A_URL)).toHaveLength(2);
  });

  it("with no later tier, sleeps until the first key is back and retries with it", async () => {
    const { router, upstream, sleeps } = setup(
      {
        [A_URL]: [
          openAIError(429, "slow down", { "retry-after": "2" }),
          openAIError(429, "slow down", { "retry-after": "5" }),
          openAIMessage("after the wait"),
        ],
      },
      { config: poolConfig(KEYS, { tiers: ["a,m1"] }) },
    );
    expect(await router.handle(ask())).toMatchObject({ status: 200, tier: "a,m1", attempts: 3 });
    // One wait, for the first key's 2 s (plus jitter), not the other's 5 s.
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(2_000);
    expect(sleeps[0]).toBeLessThan(5_000);
    expect(upstream.callsTo(A_URL).map(keyOf)).toEqual([KEY_1, KEY_2, KEY_1]);
  });
});

describe("key pools: a refused key", () => {
  it("a 401 key is logged by id, taken out, and skipped until a reload puts it back", async () => {
    const { router, upstream, metrics, logger, reload, clock } = setup({
      [A_URL]: [
        perKey({ [KEY_1]: openAIError(401, `invalid key ${KEY_1}`) }),
        ...times(5, openAIMessage("from the good key")),
      ],
    });
    expect(await router.handle(ask())).toMatchObject({ status: 200, tier: "a,m1", attempts: 2 });
    const warning = logger.lines.find((line) => line.level === "warn");
    expect(warning?.msg).toContain('provider "a" refused key a#1 (401: invalid key ***)');
    expect(warning?.msg).toContain("out of service for 5 min or until the config is reloaded");
    expect(warning?.obj).toMatchObject({ key: "a#1", provider: "a", status: 401 });
    expect(metrics.of("cooldown")).toEqual([
      expect.objectContaining({ key: "a#1", reason: "auth", until: clock.now + AUTH_COOLDOWN_MS }),
    ]);
    expect((await router.tierStates())[0]?.keys?.[0]).toMatchObject({ id: "a#1", state: "out" });

    await router.handle(ask());
    await router.handle(ask());
    expect(upstream.callsTo(A_URL).map(keyOf)).toEqual([KEY_1, KEY_2, KEY_2, KEY_2]);

    // A reload (a new config object) puts the refused key back.
    reload(poolConfig());
    await router.handle(ask());
    await router.handle(ask());
    expect(upstream.callsTo(A_URL).map(keyOf).slice(4)).toContain(KEY_1);
    expect(logger.lines.some((line) => line.msg?.includes("trying a#1 again"))).toBe(true);
    expectNoKey(metrics.events, logger.lines, await router.tierStates());
  });

  it("every key refused: the tier takes the credentials cooldown and the next tier answers", async () => {
    const { router, upstream, metrics } = setup({
      [A_URL]: times(2, openAIError(403, "forbidden")),
      [B_URL]: times(2, openAIMessage("from b")),
    });
    expect(await router.handle(ask())).toMatchObject({ status: 200, tier: "b,m2" });
    expect(metrics.of("cooldown").map((event) => [event.key, event.reason])).toEqual([
      ["a#1", "auth"],
      ["a#2", "auth"],
      [undefined, "auth"],
    ]);
    await router.handle(ask());
    expect(upstream.callsTo(A_URL)).toHaveLength(2);
  });

  it("a 404 (no such model) is the tier's, not the key's: no key is taken out", async () => {
    const { router, metrics } = setup({
      [A_URL]: [openAIError(404, "no such model")],
      [B_URL]: [openAIMessage("from b")],
    });
    expect(await router.handle(ask())).toMatchObject({ tier: "b,m2" });
    expect(metrics.of("cooldown").map((event) => event.key)).toEqual([undefined]);
  });
});

describe("key pools: budgets", () => {
  it("skips a key at its rpm budget and uses the other; both spent skips the tier until the next minute", async () => {
    const config = poolConfig([
      { key: KEY_1, rpm: 1 },
      { key: KEY_2, rpm: 1 },
    ]);
    const { router, upstream, metrics, clock } = setup(
      { [A_URL]: times(4, openAIMessage("a")), [B_URL]: times(2, openAIMessage("b")) },
      { config },
    );
    clock.now = 60_000 * 100 + 1_000;
    await router.handle(ask());
    await router.handle(ask());
    expect(upstream.callsTo(A_URL).map(keyOf)).toEqual([KEY_1, KEY_2]);
    const third = await router.handle(ask());
    expect(third).toMatchObject({ status: 200, tier: "b,m2", attempts: 1 });
    expect(metrics.of("fallback")).toEqual([expect.objectContaining({ reason: "cooling" })]);
    expect((await router.tierStates())[0]).toMatchObject({
      state: "cooling",
      until: 60_000 * 101,
      keys: [
        { id: "a#1", state: "over_budget", rpm: { used: 1, limit: 1 } },
        { id: "a#2", state: "over_budget", rpm: { used: 1, limit: 1 } },
      ],
    });
    // Two minutes later the window has emptied.
    clock.now += 120_000;
    expect(await router.handle(ask())).toMatchObject({ tier: "a,m1" });
  });

  it("counts a key's tokens as the estimate while a request runs, then as the usage the provider reports", async () => {
    // Each answer reports 11 prompt + 7 completion tokens: 18. The router's estimate of the request is 2.
    const config = poolConfig([
      { key: KEY_1, tpm: 37 },
      { key: KEY_2, tpm: 37 },
    ]);
    const during: number[] = [];
    const counted: Reply = (request) => {
      during.push(
        store.keyUsage("a#1", clock.now).current.tokens + store.keyUsage("a#2", clock.now).current.tokens,
      );
      return openAIMessage("a")(request);
    };
    const { router, upstream, store, clock } = setup(
      { [A_URL]: times(4, counted), [B_URL]: [openAIMessage("b")] },
      { config },
    );
    const estimate = router.estimateInputTokens(ask());
    expect(estimate).toBe(2);
    clock.now = 60_000 * 200;
    await router.handle(ask());
    expect(during).toEqual([2]);
    expect(store.keyUsage("a#1", clock.now).current).toEqual({ requests: 1, tokens: 18 });
    // 18 + 18 + the next estimate (2) goes over 37: each key takes two requests, then the tier is skipped.
    for (let i = 0; i < 3; i++) await router.handle(ask());
    expect(during).toEqual([2, 20, 38, 56]);
    expect(upstream.callsTo(A_URL).map(keyOf).sort()).toEqual([KEY_1, KEY_1, KEY_2, KEY_2]);
    expect(await router.handle(ask())).toMatchObject({ tier: "b,m2", attempts: 1 });
  });

  it("gives back a failed attempt's estimated tokens", async () => {
    const config = poolConfig(
      [
        { key: KEY_1, tpm: 1000 },
        { key: KEY_2, tpm: 1000 },
      ],
      { tiers: ["a,m1", "b,m2"] },
    );
    const { router, store, clock } = setup(
      { [A_URL]: times(2, json(500, { error: { message: "boom" } })), [B_URL]: [openAIMessage("b")] },
      { config: { ...config, chains: config.chains } },
    );
    clock.now = 60_000 * 300;
    await router.handle(ask());
    expect(store.keyUsage("a#1", clock.now).current).toEqual({ requests: 1, tokens: 0 });
    expect(store.keyUsage("a#2", clock.now).current).toEqual({ requests: 1, tokens: 0 });
  });
});
