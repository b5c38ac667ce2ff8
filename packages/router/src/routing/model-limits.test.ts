import { normalizeConfig, type ProviderDefaults } from "@ccr/config";
import type { AnthropicMessagesRequest } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { recordingMetrics } from "../__fixtures__/recording-metrics.js";
import { openAIMessage, scriptedFetch } from "../__fixtures__/scripted-fetch.js";
import { A_URL, B_URL } from "../__fixtures__/test-config.js";
import { createRouter } from "../create-router.js";
import { requestHasImages } from "../request-has-images.js";
import { clampMaxTokens } from "./clamp-max-tokens.js";
import { unsuitableTiers } from "./unsuitable-tiers.js";

const pkg = (id: string, baseUrl: string, model: ProviderDefaults["models"][number]): ProviderDefaults => ({
  id,
  defaultBaseUrl: baseUrl.replace(/\/chat\/completions$/, ""),
  protocol: "openai",
  auth: { style: "bearer" },
  transformers: [],
  models: [model],
});
const providerDefinitions = {
  small: pkg("small", A_URL, {
    id: "s1",
    contextWindow: 1_000,
    maxOutputTokens: 500,
    capabilities: { tools: true, vision: false, reasoning: false },
    pricing: { input: 0, output: 0 },
  }),
  big: pkg("big", B_URL, {
    id: "b1",
    contextWindow: 100_000,
    maxOutputTokens: 4_000,
    capabilities: { tools: true, vision: true, reasoning: false },
    pricing: { input: 0, output: 0 },
  }),
};

function config(router: Record<string, unknown>, extraProviders: unknown[] = []) {
  return normalizeConfig(
    {
      Providers: [{ provider: "small", api_key: "k" }, { provider: "big", api_key: "k" }, ...extraProviders],
      Router: router,
    },
    { env: {}, providerDefinitions },
  ).config;
}
const bothTiers = config({ default: "small,s1", tiers: ["small,s1", "big,b1"] });

const ask = (extra: Partial<AnthropicMessagesRequest> = {}): AnthropicMessagesRequest => ({
  model: "claude-sonnet-4-5",
  max_tokens: 32_000,
  messages: [{ role: "user", content: "hello" }],
  ...extra,
});
const long = (tokens: number) => ask({ messages: [{ role: "user", content: "x".repeat(tokens * 4) }] });
const screenshot = ask({
  messages: [
    {
      role: "user",
      content: [
        {
          type: "tool_result",
          tool_use_id: "t1",
          content: [{ type: "image", source: { type: "base64", media_type: "image/png", data: "AAAA" } }],
        },
      ],
    },
  ],
});

function serve(cfg = bothTiers, script: Record<string, ReturnType<typeof openAIMessage>[]> = {}) {
  const upstream = scriptedFetch({
    [A_URL]: [openAIMessage("small")],
    [B_URL]: [openAIMessage("big")],
    ...script,
  });
  const metrics = recordingMetrics();
  const router = createRouter({
    config: cfg,
    fetch: upstream.fetch,
    observer: metrics,
    sleep: async () => {},
  });
  return { router, upstream, metrics };
}

describe("clampMaxTokens", () => {
  it("caps max_tokens at the model's max output and keeps a thinking budget below it", () => {
    const request = ask({ thinking: { type: "enabled", budget_tokens: 31_999 } });
    expect(clampMaxTokens(request, { maxOutputTokens: 8_192 })).toMatchObject({
      max_tokens: 8_192,
      thinking: { type: "enabled", budget_tokens: 8_191 },
    });
    expect(request.max_tokens).toBe(32_000);
  });

  it("returns the same request when it fits or nothing is known", () => {
    const request = ask({ max_tokens: 100 });
    expect(clampMaxTokens(request, { maxOutputTokens: 8_192 })).toBe(request);
    expect(clampMaxTokens(ask(), undefined)).toEqual(ask());
    expect(clampMaxTokens(ask(), { contextWindow: 10 })).toEqual(ask());
  });
});

describe("requestHasImages", () => {
  it("finds images in messages and inside tool results", () => {
    expect(requestHasImages(ask())).toBe(false);
    expect(requestHasImages(screenshot)).toBe(true);
    expect(
      requestHasImages(
        ask({
          messages: [
            { role: "user", content: [{ type: "image", source: { type: "url", url: "https://x/y.png" } }] },
          ],
        }),
      ),
    ).toBe(true);
  });
});

describe("unsuitableTiers", () => {
  const chain = bothTiers.chains.default;

  it("skips a tier whose context window cannot hold the input plus the clamped output", () => {
    expect(unsuitableTiers(bothTiers, chain, ask(), 400)).toEqual(new Map());
    expect(unsuitableTiers(bothTiers, chain, ask(), 600)).toEqual(
      new Map([[0, "about 600 input + 500 output tokens exceed the 1000-token context window of s1"]]),
    );
  });

  it("tries the last tier anyway", () => {
    const alone = config({ default: "small,s1" });
    expect(unsuitableTiers(alone, alone.chains.default, ask(), 5_000)).toEqual(new Map());
    const reversed = config({ default: "big,b1", tiers: ["big,b1", "small,s1"] });
    expect(unsuitableTiers(reversed, reversed.chains.default, ask(), 5_000)).toEqual(new Map());
  });

  it("sends images only to tiers that take them, unless none does", () => {
    expect(unsuitableTiers(bothTiers, chain, screenshot, 10)).toEqual(
      new Map([[0, "s1 does not take images"]]),
    );
    const blindOnly = config({ default: "small,s1" });
    expect(unsuitableTiers(blindOnly, blindOnly.chains.default, screenshot, 10)).toEqual(new Map());
  });

  it("never skips a model without metadata", () => {
    const mixed = config({ default: "plain,m", tiers: ["plain,m", "big,b1"] }, [
      { name: "plain", api_base_url: "https://plain.example/v1", models: ["m"] },
    ]);
    expect(unsuitableTiers(mixed, mixed.chains.default, screenshot, 1_000_000)).toEqual(new Map());
  });
});

describe("the cascade with model metadata", () => {
  it("sends max_tokens clamped to each tier's model", async () => {
    const { router, upstream } = serve(bothTiers, {
      [A_URL]: [async () => new Response("{}", { status: 503 })],
    });
    const response = await router.handle(ask(), { requestId: "r1" });
    expect(response).toMatchObject({ status: 200, tier: "big,b1" });
    expect(upstream.callsTo(A_URL)[0]?.body).toMatchObject({ max_tokens: 500 });
    expect(upstream.callsTo(B_URL)[0]?.body).toMatchObject({ max_tokens: 4_000 });
  });

  it("skips a tier too small for the request without calling it, reported as an unsuitable fallback", async () => {
    const { router, upstream, metrics } = serve();
    const response = await router.handle(long(2_000), { requestId: "r2" });
    expect(response).toMatchObject({ status: 200, tier: "big,b1", attempts: 1 });
    expect(upstream.callsTo(A_URL)).toEqual([]);
    expect(metrics.of("fallback")).toEqual([
      expect.objectContaining({ from: expect.objectContaining({ tier: "small,s1" }), reason: "unsuitable" }),
    ]);
  });

  it("routes a request with a screenshot past the model without vision", async () => {
    const { router, upstream } = serve();
    const response = await router.handle(screenshot, { requestId: "r3" });
    expect(response).toMatchObject({ status: 200, tier: "big,b1" });
    expect(upstream.callsTo(A_URL)).toEqual([]);
  });

  it("answers with the tried tiers' failure, not the skip", async () => {
    const refusal = JSON.stringify({ error: { message: "bad request from big" } });
    const { router } = serve(bothTiers, { [B_URL]: [async () => new Response(refusal, { status: 400 })] });
    const response = await router.handle(long(2_000), { requestId: "r4" });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain("bad request from big");
  });
});
