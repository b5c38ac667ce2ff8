import { createMetrics, type StatsSnapshot, type TierLabels } from "@ccr/metrics";
import { describe, expect, it } from "vitest";
import { createStatsRoutes } from "./stats-routes.js";

const ZAI: TierLabels = { tier: "zai,glm-4.6", provider: "zai", model: "glm-4.6" };
const DEEPSEEK: TierLabels = { tier: "deepseek,deepseek-chat", provider: "deepseek", model: "deepseek-chat" };
const INFO = { version: "1.2.3", startedAt: 1_700_000_000_000, host: "127.0.0.1", port: 3456, pid: 4242 };

function setup(
  overrides: { tierStates?: () => Promise<{ tier: string; state: "open"; until: number }[]> } = {},
) {
  const metrics = createMetrics();
  metrics.setChain([ZAI, DEEPSEEK]);
  metrics.requestStart({
    requestId: "r1",
    scenario: "default",
    stream: false,
    estimatedInputTokens: 90,
    chain: [ZAI, DEEPSEEK],
  });
  metrics.attemptEnd({
    ...ZAI,
    requestId: "r1",
    scenario: "default",
    attempt: 0,
    ok: false,
    reason: "rate_limited",
    status: 429,
    durationMs: 20,
  });
  metrics.fallback({ requestId: "r1", scenario: "default", from: ZAI, to: DEEPSEEK, reason: "rate_limited" });
  metrics.attemptEnd({
    ...DEEPSEEK,
    requestId: "r1",
    scenario: "default",
    attempt: 0,
    ok: true,
    durationMs: 400,
  });
  metrics.requestEnd({
    requestId: "r1",
    scenario: "default",
    stream: false,
    tier: DEEPSEEK,
    outcome: "ok",
    status: 200,
    durationMs: 450,
    attempts: 2,
    usage: { inputTokens: 100, outputTokens: 20, cacheReadTokens: 0, cacheCreationTokens: 0 },
    estimatedInputTokens: 90,
  });
  let snapshots = 0;
  const app = createStatsRoutes({
    metrics,
    getInfo: () => {
      snapshots++;
      return INFO;
    },
    streamIntervalMs: 20,
    ...overrides,
  });
  return { app, metrics, snapshots: () => snapshots };
}

describe("stats routes", () => {
  it("serves Prometheus text with its content type", async () => {
    const res = await setup().app.request("/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain(
      'ccr_requests_total{tier="deepseek,deepseek-chat",provider="deepseek",model="deepseek-chat",scenario="default",protocol="anthropic",outcome="ok"} 1',
    );
    expect(text).toContain(
      'ccr_fallbacks_total{from_tier="zai,glm-4.6",to_tier="deepseek,deepseek-chat",reason="rate_limited"} 1',
    );
  });

  it("serves the Rust CCR's JSON views", async () => {
    const { app } = setup();
    const usage = await (await app.request("/v1/usage")).json();
    expect(usage).toMatchObject({ total_requests: 1, total_input_tokens: 100, total_output_tokens: 20 });
    const latencies = await (await app.request("/v1/latencies")).json();
    expect(latencies).toContainEqual(
      expect.objectContaining({ tier: DEEPSEEK.tier, ewma_seconds: 0.4, sample_count: 1 }),
    );
    const drift = await (await app.request("/v1/token-drift")).json();
    expect(drift).toEqual([
      expect.objectContaining({ tier: DEEPSEEK.tier, last_drift_pct: -10, level: "warning" }),
    ]);
    const throughput = await (await app.request("/v1/throughput")).json();
    expect(throughput).toMatchObject({ window_seconds: 60 });
  });

  it("serves the snapshot with the proxy's own info", async () => {
    const res = await setup().app.request("/api/stats");
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await res.json()) as StatsSnapshot;
    expect(body.proxy).toEqual(INFO);
    expect(body.tiers.map((t) => [t.id, t.state, t.requests])).toEqual([
      [ZAI.tier, "healthy", { ok: 0, failed: 1 }],
      [DEEPSEEK.tier, "healthy", { ok: 1, failed: 0 }],
    ]);
    expect(body.recent).toHaveLength(2);
  });

  it("lets the router's tier states win, and survives them failing", async () => {
    const until = Date.now() + 60_000;
    const open = setup({ tierStates: async () => [{ tier: ZAI.tier, state: "open", until }] });
    const body = (await (await open.app.request("/api/stats")).json()) as StatsSnapshot;
    expect(body.tiers[0]).toMatchObject({ state: "open", until });
    const broken = setup({
      tierStates: async () => {
        throw new Error("store down");
      },
    });
    expect((await broken.app.request("/api/stats")).status).toBe(200);
  });

  it("pushes a snapshot per interval over SSE and stops when the client goes away", async () => {
    const { app, metrics, snapshots } = setup();
    const res = await app.request("/api/stats/stream");
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    while ((text.match(/\n\n/g) ?? []).length < 2) {
      const { value } = await reader.read();
      text += decoder.decode(value, { stream: true });
      if ((text.match(/\n\n/g) ?? []).length === 1) {
        metrics.requestStart({
          requestId: "r2",
          scenario: "think",
          stream: true,
          estimatedInputTokens: 1,
          chain: [ZAI],
        });
      }
    }
    const events = text
      .split("\n\n")
      .filter(Boolean)
      .map((block) =>
        Object.fromEntries(
          block
            .split("\n")
            .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
        ),
      );
    expect(events[0]).toMatchObject({ event: "stats", id: "0" });
    expect(events[1]).toMatchObject({ event: "stats", id: "1" });
    const first = JSON.parse(events[0]?.data as string) as StatsSnapshot;
    const second = JSON.parse(events[1]?.data as string) as StatsSnapshot;
    expect(first.totals.activeRequests).toBe(0);
    expect(second.totals.activeRequests).toBe(1);

    await reader.cancel();
    const afterCancel = snapshots();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(snapshots()).toBeLessThanOrEqual(afterCancel + 1);
  });
});
