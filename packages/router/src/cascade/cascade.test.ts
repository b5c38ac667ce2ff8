import type { AnthropicMessagesRequest } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { recordingLogger, recordingMetrics } from "../__fixtures__/recording-metrics.js";
import {
  hang,
  json,
  openAIError,
  openAIMessage,
  type Reply,
  refuse,
  scriptedFetch,
} from "../__fixtures__/scripted-fetch.js";
import { A_URL, B_URL, C_URL, testConfig } from "../__fixtures__/test-config.js";
import { createRouter } from "../create-router.js";
import { UnknownPresetError } from "../errors.js";
import { CIRCUIT_OPEN_MS } from "../state/circuit-breaker.js";
import type { RouterOptions } from "../types.js";
import { AUTH_COOLDOWN_MS, MAX_RATE_LIMIT_WAIT_MS, RATE_LIMIT_JITTER_MS } from "./next-step.js";

const ask = (extra: Partial<AnthropicMessagesRequest> = {}): AnthropicMessagesRequest => ({
  model: "claude-sonnet-4-5",
  max_tokens: 100,
  messages: [{ role: "user", content: "hello" }],
  ...extra,
});

const anthropicMessage = (text: string): Reply =>
  json(200, {
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: "claude-x",
    content: [{ type: "text", text }],
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: { input_tokens: 5, output_tokens: 2 },
  });

/** A router over scripted upstreams, a settable clock and a sleep that records its delays and returns at once. */
function setup(script: Record<string, Reply[]>, options: Partial<RouterOptions> = {}) {
  const upstream = scriptedFetch(script);
  const metrics = recordingMetrics();
  const logger = recordingLogger();
  const clock = { now: 1_000_000 };
  const sleeps: number[] = [];
  const router = createRouter({
    config: testConfig(),
    fetch: upstream.fetch,
    observer: metrics,
    logger,
    now: () => clock.now,
    random: () => 0.5,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (signal?.aborted) throw signal.reason;
    },
    ...options,
  });
  return { router, upstream, metrics, logger, clock, sleeps };
}

const textOf = (body: unknown) => (body as { content: { text: string }[] }).content[0]?.text;
const errorOf = (body: unknown) => (body as { error: { type: string; message: string } }).error;

describe("cascade: success and headers", () => {
  it("answers from the first tier with x-ccr-tier and x-ccr-attempts", async () => {
    const { router, upstream, metrics } = setup({ [A_URL]: [openAIMessage("hi")] });
    const response = await router.handle(ask(), { requestId: "r1" });
    expect(response).toMatchObject({ status: 200, stream: false, tier: "a,m1", attempts: 1 });
    expect(response.headers).toMatchObject({
      "x-ccr-tier": "a,m1",
      "x-ccr-attempts": "1",
      "content-type": "application/json",
    });
    expect(textOf(response.body)).toBe("hi");
    expect(upstream.calls[0]?.body).toMatchObject({ model: "m1" });
    expect(metrics.of("requestEnd")).toEqual([
      expect.objectContaining({
        requestId: "r1",
        outcome: "ok",
        status: 200,
        attempts: 1,
        usage: expect.objectContaining({ inputTokens: 11, outputTokens: 7 }),
      }),
    ]);
  });

  it("reports every step of a cascade to metrics, in order", async () => {
    const { router, metrics } = setup({
      [A_URL]: [openAIError(503, "busy"), openAIError(503, "busy"), openAIError(503, "busy")],
      [B_URL]: [openAIMessage("b")],
    });
    await router.handle(ask(), { requestId: "r2" });
    expect(
      metrics.events.map(
        (entry) => `${entry.type}${typeof entry.event.tier === "string" ? ` ${entry.event.tier}` : ""}`,
      ),
    ).toEqual([
      "requestStart",
      "attemptEnd a,m1",
      "retry a,m1",
      "attemptEnd a,m1",
      "retry a,m1",
      "attemptEnd a,m1",
      "fallback",
      "attemptEnd b,m2",
      "requestEnd",
    ]);
    expect(metrics.of("fallback")).toEqual([
      {
        requestId: "r2",
        scenario: "default",
        from: { tier: "a,m1", provider: "a", model: "m1" },
        to: { tier: "b,m2", provider: "b", model: "m2" },
        reason: "overloaded",
      },
    ]);
    expect(metrics.of("attemptEnd").map((event) => [event.attempt, event.ok, event.status])).toEqual([
      [0, false, 503],
      [1, false, 503],
      [2, false, 503],
      [0, true, 200],
    ]);
  });

  it("shows tier health in tierStates, with the last error", async () => {
    const { router, clock } = setup({
      [A_URL]: [openAIError(429, "slow down", { "retry-after": "30" })],
      [B_URL]: [openAIMessage("b")],
    });
    await router.handle(ask());
    expect(await router.tierStates()).toEqual([
      expect.objectContaining({
        tier: "a,m1",
        state: "cooling",
        until: clock.now + 30_000,
        lastError: { reason: "rate_limited", status: 429, message: "slow down", at: clock.now },
      }),
      expect.objectContaining({ tier: "b,m2", state: "healthy", latencyEwmaMs: 0 }),
      expect.objectContaining({ tier: "c,claude-x", state: "healthy" }),
      ...Array.from({ length: 4 }, () => expect.objectContaining({ state: "healthy" })),
    ]);
  });

  it("never forwards the client's key; each provider gets its own in its own style", async () => {
    const clientHeaders = {
      authorization: "Bearer client-secret",
      "x-api-key": "client-secret",
      "anthropic-beta": "beta-1",
    };
    const { router, upstream } = setup({
      [A_URL]: [openAIError(503, "down"), openAIError(503, "down"), openAIError(503, "down")],
      [B_URL]: [openAIError(400, "no")],
      [C_URL]: [anthropicMessage("from c")],
    });
    const response = await router.handle(ask(), { clientHeaders });
    expect(response.tier).toBe("c,claude-x");
    for (const call of upstream.calls) expect(JSON.stringify(call.headers)).not.toContain("client-secret");
    expect(upstream.callsTo(A_URL)[0]?.headers).toEqual({
      authorization: "Bearer sk-a-secret",
      "content-type": "application/json",
    });
    expect(upstream.callsTo(C_URL)[0]?.headers).toMatchObject({
      "x-api-key": "sk-c-secret",
      "anthropic-version": "2023-06-01",
      "anthropic-beta": "beta-1",
    });
    expect(upstream.callsTo(C_URL)[0]?.body).toMatchObject({ model: "claude-x" });
  });
});

describe("cascade: retries within a tier", () => {
  it.each([408, 500, 502, 503, 504, 529])("retries %i with backoff, then succeeds", async (status) => {
    const { router, upstream, sleeps, metrics } = setup({
      [A_URL]: [openAIError(status, "try again"), openAIMessage("ok")],
    });
    const response = await router.handle(ask());
    expect(response).toMatchObject({ status: 200, tier: "a,m1", attempts: 2 });
    expect(upstream.callsTo(A_URL)).toHaveLength(2);
    expect(sleeps).toEqual([5]);
    expect(metrics.of("retry")).toEqual([expect.objectContaining({ tier: "a,m1", delayMs: 5 })]);
  });

  it("retries connection errors, and moves on once the tier's retries are spent", async () => {
    const { router, upstream, sleeps } = setup({
      [A_URL]: [refuse(), refuse(), refuse()],
      [B_URL]: [openAIMessage("b")],
    });
    const response = await router.handle(ask());
    expect(response).toMatchObject({ status: 200, tier: "b,m2", attempts: 4 });
    expect(upstream.callsTo(A_URL)).toHaveLength(3);
    expect(sleeps).toEqual([5, 10]);
  });
});

describe("cascade: rate limits", () => {
  it("429: cools the tier for Retry-After and goes to the next tier at once", async () => {
    const { router, upstream, sleeps, metrics, clock } = setup({
      [A_URL]: [openAIError(429, "slow down", { "retry-after": "20" }), openAIMessage("a again")],
      [B_URL]: [openAIMessage("b"), openAIMessage("b2")],
    });
    expect((await router.handle(ask())).tier).toBe("b,m2");
    expect(sleeps).toEqual([]);
    expect(metrics.of("cooldown")).toEqual([
      expect.objectContaining({ tier: "a,m1", until: clock.now + 20_000, reason: "rate_limited" }),
    ]);

    expect((await router.handle(ask())).tier).toBe("b,m2");
    expect(upstream.callsTo(A_URL)).toHaveLength(1);
    expect(metrics.of("fallback").at(-1)).toMatchObject({
      from: { tier: "a,m1" },
      to: { tier: "b,m2" },
      reason: "cooling",
    });

    clock.now += 20_000;
    expect((await router.handle(ask())).tier).toBe("a,m1");
  });

  it("429 with an HTTP-date Retry-After: cools the tier until that date", async () => {
    const clockStart = 1_700_000_000_000;
    const { router, metrics } = setup(
      {
        [A_URL]: [openAIError(429, "slow", { "retry-after": new Date(clockStart + 45_000).toUTCString() })],
        [B_URL]: [openAIMessage("b")],
      },
      { now: () => clockStart },
    );
    expect((await router.handle(ask())).tier).toBe("b,m2");
    expect(metrics.of("cooldown")).toEqual([
      expect.objectContaining({ tier: "a,m1", until: clockStart + 45_000 }),
    ]);
  });

  it("429 on the last available tier: sleeps the Retry-After wait and retries there", async () => {
    const { router, sleeps } = setup({
      [A_URL]: [openAIError(429, "slow", { "retry-after": "3" })],
      [B_URL]: [openAIError(429, "slow", { "retry-after": "4" })],
      [C_URL]: [
        json(
          429,
          { type: "error", error: { type: "rate_limit_error", message: "slow" } },
          { "retry-after": "2" },
        ),
        anthropicMessage("c"),
      ],
    });
    const response = await router.handle(ask());
    expect(response).toMatchObject({ status: 200, tier: "c,claude-x", attempts: 4 });
    // The 2 s wait, plus the jitter that keeps concurrent sleepers from waking together (random() = 0.5).
    expect(sleeps).toEqual([2000 + 0.5 * RATE_LIMIT_JITTER_MS]);
  });

  it("spreads the retries of concurrent requests sleeping on the same 429", async () => {
    const draws = [0, 0.3, 0.9];
    const limited = () =>
      json(
        429,
        { type: "error", error: { type: "rate_limit_error", message: "slow" } },
        { "retry-after": "2" },
      );
    const onlyC = testConfig({ Router: { default: "c,claude-x", tiers: [] } });
    const { router, sleeps } = setup(
      {
        [C_URL]: [
          limited(),
          limited(),
          limited(),
          anthropicMessage("c"),
          anthropicMessage("c"),
          anthropicMessage("c"),
        ],
      },
      { random: () => draws.shift() ?? 0, config: onlyC },
    );
    const answers = await Promise.all([router.handle(ask()), router.handle(ask()), router.handle(ask())]);
    expect(answers.map((answer) => answer.tier)).toEqual(["c,claude-x", "c,claude-x", "c,claude-x"]);
    expect(sleeps).toEqual([2000, 2300, 2900]);
  });

  it("every tier rate-limited beyond the wait cap: 429 at once, retry-after = earliest cooldown end", async () => {
    const long = String(MAX_RATE_LIMIT_WAIT_MS / 1000 + 10);
    const { router, sleeps } = setup({
      [A_URL]: [openAIError(429, "slow", { "retry-after": "90" })],
      [B_URL]: [openAIError(429, "slow", { "retry-after": long })],
      [C_URL]: [
        json(
          429,
          { type: "error", error: { type: "rate_limit_error", message: "slow" } },
          { "retry-after": "120" },
        ),
      ],
    });
    const response = await router.handle(ask());
    expect(response.status).toBe(429);
    expect(response.headers["retry-after"]).toBe(long);
    expect(errorOf(response.body).type).toBe("rate_limit_error");
    expect(sleeps).toEqual([]);
  });

  it("fails fast with 429 when every tier is cooling, without calling any upstream", async () => {
    const { router, upstream, clock } = setup({
      [A_URL]: [openAIError(429, "slow", { "retry-after": "60" })],
      [B_URL]: [openAIError(429, "slow", { "retry-after": "50" })],
      [C_URL]: [
        json(
          429,
          { type: "error", error: { type: "rate_limit_error", message: "slow" } },
          { "retry-after": "100" },
        ),
      ],
    });
    await router.handle(ask());
    clock.now += 10_000;
    const calls = upstream.calls.length;
    const response = await router.handle(ask());
    expect(response).toMatchObject({ status: 429, attempts: 0 });
    expect(response.headers["retry-after"]).toBe("40");
    expect(upstream.calls).toHaveLength(calls);
  });

  it("treats a rate-limit error inside a 200 as a 429 of that tier", async () => {
    const { router, metrics } = setup({
      [A_URL]: [json(200, { error: { message: "Rate limit exceeded", code: 429 } })],
      [B_URL]: [openAIMessage("b")],
    });
    const response = await router.handle(ask());
    expect(response.tier).toBe("b,m2");
    expect(metrics.of("attemptEnd")[0]).toMatchObject({ tier: "a,m1", ok: false, reason: "rate_limited" });
  });
});

describe("cascade: tiers that cannot serve", () => {
  it.each([401, 402, 403, 404])(
    "%i: no retry, next tier, long cooldown, log names the provider (never the key)",
    async (status) => {
      const { router, upstream, logger, metrics, clock } = setup({
        [A_URL]: [openAIError(status, "Incorrect API key provided: sk-a-secret")],
        [B_URL]: [openAIMessage("b"), openAIMessage("b2")],
      });
      expect((await router.handle(ask())).tier).toBe("b,m2");
      expect(upstream.callsTo(A_URL)).toHaveLength(1);
      expect(metrics.of("cooldown")).toEqual([
        expect.objectContaining({ tier: "a,m1", until: clock.now + AUTH_COOLDOWN_MS, reason: "auth" }),
      ]);
      const warning = logger.lines.find(
        (line) => line.level === "warn" && line.msg?.includes('provider "a"'),
      );
      expect(warning?.msg).toContain("check its api_key");
      expect(JSON.stringify(logger.lines)).not.toContain("sk-a-secret");
      expect(JSON.stringify(metrics.events)).not.toContain("sk-a-secret");
      await router.handle(ask());
      expect(upstream.callsTo(A_URL)).toHaveLength(1);
    },
  );

  it("a reloaded config (the user fixed the key) lifts the credentials cooldown at once", async () => {
    let config = testConfig();
    const { router, upstream } = setup(
      {
        [A_URL]: [openAIError(401, "Incorrect API key provided"), openAIMessage("a")],
        [B_URL]: [openAIMessage("b"), openAIMessage("b")],
      },
      { config: () => config },
    );
    expect((await router.handle(ask())).tier).toBe("b,m2");
    expect((await router.handle(ask())).tier).toBe("b,m2");
    config = testConfig({ Router: {} });
    expect((await router.handle(ask())).tier).toBe("a,m1");
    expect(upstream.callsTo(A_URL)).toHaveLength(2);
  });

  it.each([400, 413, 422])("%i: next tier without retry or cooldown", async (status) => {
    const { router, upstream, metrics } = setup({
      [A_URL]: [openAIError(status, "bad")],
      [B_URL]: [openAIMessage("b")],
    });
    expect((await router.handle(ask())).tier).toBe("b,m2");
    expect(upstream.callsTo(A_URL)).toHaveLength(1);
    expect(metrics.of("cooldown")).toEqual([]);
  });

  it("a request a tier's dialect cannot express goes to a tier that can, without calling the first", async () => {
    const { router, upstream } = setup({ [C_URL]: [anthropicMessage("read the pdf")] });
    const pdf = {
      type: "document" as const,
      source: { type: "base64" as const, media_type: "application/pdf", data: "JVBERi0=" },
    };
    const response = await router.handle(
      ask({ messages: [{ role: "user", content: [pdf, { type: "text", text: "summarize" }] }] }),
    );
    // The request is translated before any attempt: tiers that cannot express it cost no attempt.
    expect(response).toMatchObject({ status: 200, tier: "c,claude-x", attempts: 1 });
    expect(upstream.calls.map((call) => call.url)).toEqual([C_URL]);
  });

  it("a tier whose transformers are misconfigured is skipped with an error log", async () => {
    const config = testConfig({
      Providers: [
        {
          name: "a",
          api_base_url: A_URL,
          api_key: "k",
          models: ["m1"],
          transformer: { use: ["no-such-transformer"] },
        },
        { name: "b", api_base_url: B_URL, api_key: "k", models: ["m2", "fast"] },
        { name: "c", api_base_url: C_URL, api_key: "k", models: ["claude-x"] },
      ],
      Router: {
        default: "a,m1",
        background: undefined,
        longContext: undefined,
        webSearch: undefined,
        image: undefined,
      },
    });
    const { router, upstream, logger } = setup({ [B_URL]: [openAIMessage("b")] }, { config });
    expect((await router.handle(ask())).tier).toBe("b,m2");
    expect(upstream.callsTo(A_URL)).toHaveLength(0);
    expect(logger.lines.find((line) => line.level === "error")?.msg).toMatch(
      /^the transformers of a,m1 are misconfigured: /,
    );
  });

  it("when every tier rejects, returns the first tier's own status and message", async () => {
    const context =
      "This model's maximum context length is 131072 tokens. However, you requested 200000 tokens.";
    const { router } = setup({
      [A_URL]: [openAIError(400, context)],
      [B_URL]: [openAIError(413, "Request too large")],
      [C_URL]: [
        json(400, { type: "error", error: { type: "invalid_request_error", message: "prompt is too long" } }),
      ],
    });
    const response = await router.handle(ask());
    expect(response).toMatchObject({ status: 400, attempts: 3, tier: "a,m1" });
    expect(errorOf(response.body)).toEqual({ type: "invalid_request_error", message: context });
  });

  it("when every tier is overloaded or down: 529 overloaded_error", async () => {
    const { router } = setup({
      [A_URL]: [openAIError(529, "busy"), openAIError(529, "busy"), openAIError(529, "busy")],
      [B_URL]: [refuse(), refuse(), refuse()],
      [C_URL]: [
        json(500, { type: "error", error: { type: "api_error", message: "oops" } }),
        openAIError(503, "x"),
        openAIError(503, "x"),
      ],
    });
    const response = await router.handle(ask());
    expect(response).toMatchObject({ status: 529, attempts: 9 });
    expect(errorOf(response.body).type).toBe("overloaded_error");
  });
});

describe("cascade: circuit breaker", () => {
  it("opens after 5 failures, skips the tier at no cost, then lets exactly one probe decide", async () => {
    const down = () => openAIError(500, "down");
    const { router, upstream, clock, metrics } = setup({
      [A_URL]: [down(), down(), down(), down(), down(), openAIMessage("a is back")],
      [B_URL]: [openAIMessage("b1"), openAIMessage("b2"), openAIMessage("b3")],
    });
    await router.handle(ask());
    await router.handle(ask());
    expect(upstream.callsTo(A_URL)).toHaveLength(5);
    expect(metrics.of("circuit")).toEqual([
      expect.objectContaining({ tier: "a,m1", state: "open", until: clock.now + CIRCUIT_OPEN_MS }),
    ]);

    const skipped = await router.handle(ask());
    expect(skipped).toMatchObject({ tier: "b,m2", attempts: 1 });
    expect(upstream.callsTo(A_URL)).toHaveLength(5);
    expect((await router.tierStates())[0]).toMatchObject({ tier: "a,m1", state: "open" });

    clock.now += CIRCUIT_OPEN_MS;
    expect((await router.handle(ask())).tier).toBe("a,m1");
    expect(metrics.of("circuit").map((event) => event.state)).toEqual(["open", "half_open", "closed"]);
    expect((await router.tierStates())[0]).toMatchObject({ state: "healthy", consecutiveFailures: 0 });
  });

  it("re-opens when the probe fails, without retrying the tier", async () => {
    const down = () => openAIError(500, "down");
    const { router, upstream, clock } = setup({
      [A_URL]: [down(), down(), down(), down(), down(), down()],
      [B_URL]: [openAIMessage("b1"), openAIMessage("b2"), openAIMessage("b3")],
    });
    await router.handle(ask());
    await router.handle(ask());
    clock.now += CIRCUIT_OPEN_MS;
    expect((await router.handle(ask())).tier).toBe("b,m2");
    expect(upstream.callsTo(A_URL)).toHaveLength(6);
    expect((await router.tierStates())[0]).toMatchObject({
      state: "open",
      until: clock.now + CIRCUIT_OPEN_MS,
    });
  });
});

describe("cascade: circuit breaker under concurrency", () => {
  it("sends exactly one half-open probe while concurrent requests skip the tier", async () => {
    const down = () => openAIError(500, "down");
    let releaseProbe!: () => void;
    const slowProbe: Reply = async () => {
      await new Promise<void>((resolve) => {
        releaseProbe = resolve;
      });
      return openAIMessage("probe ok")({} as never);
    };
    const { router, upstream, clock } = setup({
      [A_URL]: [down(), down(), down(), down(), down(), slowProbe],
      [B_URL]: [
        openAIMessage("b"),
        openAIMessage("b"),
        openAIMessage("b"),
        openAIMessage("b"),
        openAIMessage("b"),
      ],
    });
    await router.handle(ask());
    await router.handle(ask());
    clock.now += CIRCUIT_OPEN_MS;
    const probe = router.handle(ask());
    const others = await Promise.all([router.handle(ask()), router.handle(ask()), router.handle(ask())]);
    expect(others.map((response) => response.tier)).toEqual(["b,m2", "b,m2", "b,m2"]);
    expect(upstream.callsTo(A_URL)).toHaveLength(6);
    expect((await router.tierStates())[0]?.state).toBe("half_open");
    releaseProbe();
    expect((await probe).tier).toBe("a,m1");
    expect((await router.tierStates())[0]?.state).toBe("healthy");
  });
});

describe("cascade: client abort and timeouts", () => {
  it("aborts the upstream fetch as soon as the client leaves, and tries no other tier", async () => {
    const { router, upstream, metrics } = setup({ [A_URL]: [hang()] });
    const client = new AbortController();
    const pending = router.handle(ask(), { signal: client.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    client.abort();
    const response = await pending;
    expect(response.status).toBe(499);
    expect(upstream.calls).toHaveLength(1);
    expect(upstream.calls[0]?.signal.aborted).toBe(true);
    expect(metrics.of("requestEnd")).toEqual([expect.objectContaining({ outcome: "aborted" })]);
  });

  it("stops during a backoff sleep when the client leaves", async () => {
    const client = new AbortController();
    const { router, upstream } = setup(
      { [A_URL]: [openAIError(503, "busy")] },
      {
        sleep: async () => {
          client.abort();
          throw client.signal.reason;
        },
      },
    );
    expect((await router.handle(ask(), { signal: client.signal })).status).toBe(499);
    expect(upstream.calls).toHaveLength(1);
  });

  it("bounds an upstream request by API_TIMEOUT_MS and moves on without retrying it", async () => {
    const { router, upstream } = setup(
      { [A_URL]: [hang()], [B_URL]: [openAIMessage("b")] },
      { config: testConfig({ API_TIMEOUT_MS: 200 }) },
    );
    const started = Date.now();
    const response = await router.handle(ask());
    expect(response.tier).toBe("b,m2");
    expect(upstream.callsTo(A_URL)).toHaveLength(1);
    expect(upstream.callsTo(A_URL)[0]?.signal.aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("routing in handle", () => {
  it("uses a custom router's choice, and falls back to built-in routing when it throws or names an unknown tier", async () => {
    const choices: (() => Promise<string | null>)[] = [
      async () => "b,m2",
      async () => {
        throw new Error("bug in user module");
      },
      async () => "nope,nothing",
      async () => null,
    ];
    const { router, upstream, logger } = setup(
      {
        [A_URL]: [openAIMessage("a"), openAIMessage("a"), openAIMessage("a")],
        [B_URL]: [openAIMessage("b")],
      },
      { customRouter: () => choices.shift()!() },
    );
    expect((await router.handle(ask())).tier).toBe("b,m2");
    expect((await router.handle(ask())).tier).toBe("a,m1");
    expect((await router.handle(ask())).tier).toBe("a,m1");
    expect((await router.handle(ask())).tier).toBe("a,m1");
    expect(upstream.calls).toHaveLength(4);
    expect(
      logger.lines.filter((line) => line.level === "error" || line.level === "warn").map((line) => line.msg),
    ).toEqual([
      "the custom router threw (bug in user module); using the built-in routing",
      'the custom router chose "nope,nothing", which is not a configured "provider,model"; using the built-in routing',
    ]);
  });

  it("sends an explicit model the provider does not list upstream as written", async () => {
    const { router, upstream } = setup({ [B_URL]: [openAIMessage("b")] });
    expect((await router.handle(ask({ model: "B,qwen/qwen3-coder" }))).tier).toBe("b,qwen/qwen3-coder");
    expect(upstream.callsTo(B_URL)[0]?.body.model).toBe("qwen/qwen3-coder");
  });

  it("does not ask the custom router about explicit routes", async () => {
    let asked = 0;
    const { router } = setup(
      { [B_URL]: [openAIMessage("b")] },
      {
        customRouter: async () => {
          asked++;
          return "a,m1";
        },
      },
    );
    expect((await router.handle(ask({ model: "b,m2" }))).tier).toBe("b,m2");
    expect(asked).toBe(0);
  });

  it("rejects an unknown preset with UnknownPresetError", async () => {
    const { router } = setup({});
    await expect(router.handle(ask(), { preset: "missing" })).rejects.toBeInstanceOf(UnknownPresetError);
  });

  it("applies a hot-reloaded config to new requests", async () => {
    let config = testConfig();
    const { router } = setup(
      { [A_URL]: [openAIMessage("a")], [B_URL]: [openAIMessage("b")] },
      { config: () => config },
    );
    expect((await router.handle(ask())).tier).toBe("a,m1");
    config = testConfig({ Router: { default: "b,m2" } });
    expect((await router.handle(ask())).tier).toBe("b,m2");
  });

  it("reports requestStart with the scenario, client protocol, chain and estimate", async () => {
    const { router, metrics } = setup({ [A_URL]: [openAIMessage("a")] });
    await router.handle(ask(), { requestId: "r9" });
    expect(metrics.of("requestEnd")[0]).toMatchObject({ requestId: "r9", protocol: "anthropic" });
    expect(metrics.of("requestStart")).toEqual([
      {
        requestId: "r9",
        scenario: "default",
        protocol: "anthropic",
        stream: false,
        estimatedInputTokens: 2,
        chain: [
          { tier: "a,m1", provider: "a", model: "m1" },
          { tier: "b,m2", provider: "b", model: "m2" },
          { tier: "c,claude-x", provider: "c", model: "claude-x" },
        ],
      },
    ]);
  });
});
