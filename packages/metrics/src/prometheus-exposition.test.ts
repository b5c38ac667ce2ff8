import { describe, expect, it } from "vitest";
import { CHAIN, DEEPSEEK, fakeClock, playSampleTraffic, ZAI } from "./__fixtures__/sample-traffic.js";
import { createMetrics } from "./create-metrics.js";

interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

interface Exposition {
  readonly types: ReadonlyMap<string, string>;
  readonly help: ReadonlyMap<string, string>;
  readonly samples: readonly Sample[];
}

/** A strict reader of the Prometheus text format (0.0.4): fails the test on any line it cannot read. */
function parseExposition(text: string): Exposition {
  const types = new Map<string, string>();
  const help = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta) {
      (meta[1] === "HELP" ? help : types).set(meta[2] as string, meta[3] as string);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) throw new Error(`unreadable exposition line: ${line}`);
    const labels: Record<string, string> = {};
    const body = sample[2] ?? "";
    const labelPattern = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;
    let consumed = 0;
    for (let m = labelPattern.exec(body); m; m = labelPattern.exec(body)) {
      labels[m[1] as string] = (m[2] as string).replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
      consumed = labelPattern.lastIndex;
    }
    if (consumed !== body.length) throw new Error(`unreadable labels: ${body}`);
    const raw = sample[3] as string;
    const value =
      raw === "+Inf" ? Number.POSITIVE_INFINITY : raw === "-Inf" ? Number.NEGATIVE_INFINITY : Number(raw);
    if (Number.isNaN(value) && raw !== "NaN") throw new Error(`unreadable value: ${line}`);
    samples.push({ name: sample[1] as string, labels, value });
  }
  return { types, help, samples };
}

function find(exposition: Exposition, name: string, labels: Record<string, string>): number | undefined {
  return exposition.samples.find(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  )?.value;
}

const POOL = { tier: "pool,m", provider: "pool", model: "m" };

async function exposed() {
  const clock = fakeClock();
  const metrics = createMetrics({ now: clock.now, prices: { "glm-4.6": { input: 1, output: 2 } } });
  metrics.setChain(CHAIN);
  playSampleTraffic(metrics, clock);
  metrics.circuit({ ...DEEPSEEK, state: "open", until: clock.now() + 1000 });
  metrics.requestStart({
    requestId: "live",
    scenario: "think",
    stream: true,
    estimatedInputTokens: 1,
    chain: CHAIN,
  });
  metrics.streamStart({ ...ZAI, requestId: "live" });
  // A key pool: pool#1 rate-limited, pool#2 answering, pool#3 refused.
  const attempt = { ...POOL, requestId: "k", scenario: "default", attempt: 0, durationMs: 5 };
  metrics.attemptEnd({ ...attempt, key: "pool#1", ok: false, reason: "rate_limited", status: 429 });
  metrics.cooldown({ ...POOL, key: "pool#1", until: clock.now() + 30_000, reason: "rate_limited" });
  metrics.attemptEnd({ ...attempt, key: "pool#2", ok: true, status: 200 });
  metrics.attemptEnd({ ...attempt, key: "pool#2", ok: true, status: 200 });
  metrics.attemptEnd({ ...attempt, key: "pool#3", ok: false, reason: "auth", status: 401 });
  metrics.cooldown({ ...POOL, key: "pool#3", until: clock.now() + 300_000, reason: "auth" });
  metrics.stateStoreError("update");
  metrics.stateStoreError("update");
  metrics.stateStoreError("sync");
  return { metrics, exposition: parseExposition(await metrics.prometheus()) };
}

const TIER = (t: typeof ZAI) => ({ tier: t.tier, provider: t.provider, model: t.model });

describe("Prometheus exposition", () => {
  it("declares every CCR metric with its type and help", async () => {
    const { exposition } = await exposed();
    expect(Object.fromEntries(exposition.types)).toEqual({
      ccr_requests_total: "counter",
      ccr_failures_total: "counter",
      ccr_request_duration_seconds: "histogram",
      ccr_ttft_seconds: "histogram",
      ccr_output_tokens_per_second: "histogram",
      ccr_active_requests: "gauge",
      ccr_active_streams: "gauge",
      ccr_input_tokens_total: "counter",
      ccr_output_tokens_total: "counter",
      ccr_cache_read_tokens_total: "counter",
      ccr_cache_creation_tokens_total: "counter",
      ccr_cost_usd_total: "counter",
      ccr_tier_ewma_latency_seconds: "gauge",
      ccr_rate_limit_hits_total: "counter",
      ccr_token_drift_pct: "gauge",
      ccr_retries_total: "counter",
      ccr_fallbacks_total: "counter",
      ccr_circuit_state: "gauge",
      ccr_key_attempts_total: "counter",
      ccr_key_cooldowns_total: "counter",
      ccr_key_state: "gauge",
      ccr_state_store_errors_total: "counter",
    });
    for (const name of exposition.types.keys()) expect(exposition.help.get(name)).toMatch(/\w/);
  });

  it("counts every request with its outcome, tier and scenario", async () => {
    const { exposition } = await exposed();
    expect(find(exposition, "ccr_requests_total", { ...TIER(ZAI), scenario: "default", outcome: "ok" })).toBe(
      1,
    );
    expect(
      find(exposition, "ccr_requests_total", { ...TIER(DEEPSEEK), scenario: "default", outcome: "ok" }),
    ).toBe(1);
    expect(
      find(exposition, "ccr_requests_total", { ...TIER(DEEPSEEK), scenario: "background", outcome: "ok" }),
    ).toBe(1);
    const requestLabels = exposition.samples
      .filter((s) => s.name === "ccr_requests_total")
      .map((s) => Object.keys(s.labels).sort());
    for (const keys of requestLabels)
      expect(keys).toEqual(["model", "outcome", "provider", "scenario", "tier"]);
  });

  it("labels failures, rate-limit hits, retries and fallbacks", async () => {
    const { exposition } = await exposed();
    expect(find(exposition, "ccr_failures_total", { ...TIER(ZAI), reason: "overloaded" })).toBe(2);
    expect(find(exposition, "ccr_failures_total", { ...TIER(ZAI), reason: "rate_limited" })).toBe(1);
    expect(find(exposition, "ccr_rate_limit_hits_total", TIER(ZAI))).toBe(1);
    expect(find(exposition, "ccr_retries_total", { ...TIER(ZAI), reason: "overloaded" })).toBe(1);
    expect(
      find(exposition, "ccr_fallbacks_total", {
        from_tier: ZAI.tier,
        to_tier: DEEPSEEK.tier,
        reason: "overloaded",
      }),
    ).toBe(1);
    expect(
      find(exposition, "ccr_fallbacks_total", {
        from_tier: ZAI.tier,
        to_tier: DEEPSEEK.tier,
        reason: "rate_limited",
      }),
    ).toBe(1);
  });

  it("exposes tokens, cost, drift, EWMA and circuit state per tier", async () => {
    const { exposition } = await exposed();
    expect(find(exposition, "ccr_input_tokens_total", TIER(DEEPSEEK))).toBe(1560);
    expect(find(exposition, "ccr_output_tokens_total", TIER(ZAI))).toBe(36);
    expect(find(exposition, "ccr_cache_read_tokens_total", TIER(DEEPSEEK))).toBe(500);
    expect(find(exposition, "ccr_cache_creation_tokens_total", TIER(DEEPSEEK))).toBe(0);
    expect(find(exposition, "ccr_cost_usd_total", TIER(ZAI))).toBeCloseTo((1000 + 72) / 1e6);
    expect(find(exposition, "ccr_token_drift_pct", TIER(ZAI))).toBe(10);
    expect(find(exposition, "ccr_tier_ewma_latency_seconds", TIER(ZAI))).toBeCloseTo(0.3);
    expect(find(exposition, "ccr_circuit_state", TIER(DEEPSEEK))).toBe(2);
    expect(find(exposition, "ccr_circuit_state", TIER(ZAI))).toBe(0);
  });

  it("exposes histograms with cumulative buckets, sum and count", async () => {
    const { exposition } = await exposed();
    const labels = { ...TIER(ZAI), scenario: "default" };
    expect(find(exposition, "ccr_request_duration_seconds_count", labels)).toBe(1);
    expect(find(exposition, "ccr_request_duration_seconds_sum", labels)).toBeCloseTo(1.2);
    expect(find(exposition, "ccr_request_duration_seconds_bucket", { ...labels, le: "1" })).toBe(0);
    expect(find(exposition, "ccr_request_duration_seconds_bucket", { ...labels, le: "2" })).toBe(1);
    expect(find(exposition, "ccr_request_duration_seconds_bucket", { ...labels, le: "+Inf" })).toBe(1);
    expect(find(exposition, "ccr_ttft_seconds_sum", TIER(DEEPSEEK))).toBeCloseTo(0.58);
    expect(find(exposition, "ccr_output_tokens_per_second_count", TIER(ZAI))).toBe(1);
  });

  it("labels key pools by key id: attempts by outcome, cooldowns by reason, state", async () => {
    const { exposition } = await exposed();
    const key = (id: string) => ({ provider: "pool", key: id });
    expect(find(exposition, "ccr_key_attempts_total", { ...key("pool#1"), outcome: "rate_limited" })).toBe(1);
    expect(find(exposition, "ccr_key_attempts_total", { ...key("pool#2"), outcome: "ok" })).toBe(2);
    expect(find(exposition, "ccr_key_cooldowns_total", { ...key("pool#1"), reason: "rate_limited" })).toBe(1);
    expect(find(exposition, "ccr_key_cooldowns_total", { ...key("pool#3"), reason: "auth" })).toBe(1);
    expect(find(exposition, "ccr_key_state", key("pool#1"))).toBe(1);
    expect(find(exposition, "ccr_key_state", key("pool#2"))).toBe(0);
    expect(find(exposition, "ccr_key_state", key("pool#3"))).toBe(2);
    for (const sample of exposition.samples.filter((s) => s.name.startsWith("ccr_key_")))
      expect(Object.keys(sample.labels).sort()).toEqual(
        sample.name === "ccr_key_state" ? ["key", "provider"] : expect.arrayContaining(["key", "provider"]),
      );
    // A key's cooldown is not its tier's: the tier counts the failed attempts, and no cooldown.
    expect(find(exposition, "ccr_failures_total", { ...POOL, reason: "auth" })).toBe(1);
  });

  it("counts the shared state store's failures by operation", async () => {
    const { exposition } = await exposed();
    expect(find(exposition, "ccr_state_store_errors_total", { operation: "update" })).toBe(2);
    expect(find(exposition, "ccr_state_store_errors_total", { operation: "sync" })).toBe(1);
  });

  it("reports what is in flight", async () => {
    const { exposition } = await exposed();
    expect(find(exposition, "ccr_active_requests", {})).toBe(1);
    expect(find(exposition, "ccr_active_streams", {})).toBe(1);
  });

  it("escapes label values and serves the Prometheus content type", async () => {
    const metrics = createMetrics();
    const odd = { tier: 'a"b,c\\d', provider: 'a"b', model: "c\\d" };
    metrics.retry({ ...odd, requestId: "r", scenario: "default", reason: "connection", delayMs: 1 });
    const exposition = parseExposition(await metrics.prometheus());
    expect(find(exposition, "ccr_retries_total", { tier: 'a"b,c\\d', reason: "connection" })).toBe(1);
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});
