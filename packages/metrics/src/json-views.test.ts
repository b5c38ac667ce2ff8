import { describe, expect, it } from "vitest";
import { CHAIN, fakeClock, playSampleTraffic } from "./__fixtures__/sample-traffic.js";
import { createMetrics } from "./create-metrics.js";

function played() {
  const clock = fakeClock();
  const metrics = createMetrics({ now: clock.now, prices: { "glm-4.6": { input: 1, output: 2 } } });
  metrics.setChain(CHAIN);
  playSampleTraffic(metrics, clock);
  return { clock, metrics };
}

describe("Rust CCR-compatible JSON views", () => {
  it("usage: totals and per-tier tokens, failures and mean duration", () => {
    expect(played().metrics.usage()).toMatchSnapshot();
  });

  it("latencies: EWMA seconds and sample count per tier", () => {
    expect(played().metrics.latencies()).toMatchSnapshot();
  });

  it("token drift: only tiers with samples, cumulative and last", () => {
    expect(played().metrics.tokenDrift()).toMatchSnapshot();
  });

  it("throughput: rates over the last minute of whole seconds", () => {
    const { clock, metrics } = played();
    clock.advance(1000);
    const view = metrics.throughput();
    expect(view.window_seconds).toBe(60);
    expect(view.requests_per_second).toBeCloseTo(3 / 60);
    expect(view.output_tokens_per_second).toBeCloseTo(246 / 60);
    expect(
      view.tiers.map((t) => [t.tier, t.requests_per_second * 60, t.output_tokens_per_second * 60]),
    ).toEqual([
      ["zai,glm-4.6", 1, 36],
      ["deepseek,deepseek-chat", 2, 210],
      ["minimax,MiniMax-M2", 0, 0],
    ]);
    expect(view.tiers[0]?.avg_generation_tokens_per_second).toBe(40);
    clock.advance(61_000);
    expect(metrics.throughput().requests_per_second).toBe(0);
  });
});
