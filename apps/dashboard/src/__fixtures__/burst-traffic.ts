import { createMetrics, type Metrics, type StatsSnapshot, type TierLabels } from "@ccr/metrics";
import { T0 } from "./stats-snapshots.js";

const ZAI: TierLabels = { tier: "zai,glm-4.6", provider: "zai", model: "glm-4.6" };

/** Output tokens of each burst request, and how many requests end each second. */
export const BURST = { tokens: 365, perSecond: 2, streamMs: 20 } as const;
/** What the dashboard should show for such traffic: tokens over wall time. */
export const BURST_TOKENS_PER_SECOND = BURST.tokens * BURST.perSecond;

/**
 * One streamed request ending now whose upstream sent all its tokens at once (a fake provider, a
 * cached answer): the router measures speed from the first token to the end, here a few ms, as
 * packages/router's cascade does.
 */
function burstRequest(metrics: Metrics, n: number): void {
  const requestId = `r${n}`;
  metrics.requestStart({ requestId, scenario: "default", stream: true, estimatedInputTokens: 100, chain: [ZAI] });
  metrics.attemptEnd({ ...ZAI, requestId, scenario: "default", attempt: 0, ok: true, durationMs: 25 });
  metrics.requestEnd({
    requestId,
    scenario: "default",
    stream: true,
    tier: ZAI,
    outcome: "ok",
    status: 200,
    durationMs: 25,
    attempts: 1,
    usage: { inputTokens: 100, outputTokens: BURST.tokens, cacheReadTokens: 0, cacheCreationTokens: 0 },
    estimatedInputTokens: 100,
    outputTokensPerSecond: BURST.tokens / (BURST.streamMs / 1000),
  });
}

/** The snapshots a proxy whose upstream answers in bursts sends, one a second, from real metrics. */
export function burstTraffic(seconds: number): StatsSnapshot[] {
  let clock = T0;
  const metrics = createMetrics({ now: () => clock });
  const snapshots: StatsSnapshot[] = [];
  let n = 0;
  for (let s = 1; s <= seconds; s++) {
    clock = T0 + s * 1000;
    for (let i = 0; i < BURST.perSecond; i++) burstRequest(metrics, n++);
    snapshots.push(metrics.snapshot());
  }
  return snapshots;
}
