import type { Metrics, TierLabels } from "../index.js";

export const ZAI: TierLabels = { tier: "zai,glm-4.6", provider: "zai", model: "glm-4.6" };
export const DEEPSEEK: TierLabels = { tier: "deepseek,deepseek-chat", provider: "deepseek", model: "deepseek-chat" };
export const MINIMAX: TierLabels = { tier: "minimax,MiniMax-M2", provider: "minimax", model: "MiniMax-M2" };
export const CHAIN = [ZAI, DEEPSEEK, MINIMAX] as const;

/** A mutable clock for `createMetrics({ now })`. */
export function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/**
 * Plays what the router reports for:
 * 1. a streamed request answered by zai (1.2 s, 40 tok/s);
 * 2. a request where zai is rate-limited, the cascade falls back to deepseek, which answers;
 * 3. a background request where zai overloads, is retried, fails again and deepseek answers.
 */
export function playSampleTraffic(metrics: Metrics, clock: ReturnType<typeof fakeClock>): void {
  metrics.requestStart({ requestId: "r1", scenario: "default", stream: true, estimatedInputTokens: 1100, chain: CHAIN });
  clock.advance(300);
  metrics.attemptEnd({ ...ZAI, requestId: "r1", scenario: "default", attempt: 0, ok: true, durationMs: 300 });
  metrics.firstToken({ ...ZAI, requestId: "r1", scenario: "default", ttftMs: 300 });
  metrics.streamStart({ ...ZAI, requestId: "r1" });
  clock.advance(900);
  metrics.requestEnd({
    requestId: "r1",
    scenario: "default",
    stream: true,
    tier: ZAI,
    outcome: "ok",
    status: 200,
    durationMs: 1200,
    attempts: 1,
    usage: { inputTokens: 1000, outputTokens: 36, cacheReadTokens: 0, cacheCreationTokens: 0 },
    estimatedInputTokens: 1100,
    outputTokensPerSecond: 40,
  });

  clock.advance(1000);
  metrics.requestStart({ requestId: "r2", scenario: "default", stream: false, estimatedInputTokens: 2000, chain: CHAIN });
  metrics.attemptEnd({
    ...ZAI,
    requestId: "r2",
    scenario: "default",
    attempt: 0,
    ok: false,
    reason: "rate_limited",
    status: 429,
    durationMs: 80,
    message: "Too many requests",
  });
  metrics.cooldown({ ...ZAI, until: clock.now() + 30_000, reason: "rate_limited" });
  metrics.fallback({ requestId: "r2", scenario: "default", from: ZAI, to: DEEPSEEK, reason: "rate_limited" });
  clock.advance(500);
  metrics.attemptEnd({ ...DEEPSEEK, requestId: "r2", scenario: "default", attempt: 0, ok: true, durationMs: 500 });
  metrics.firstToken({ ...DEEPSEEK, requestId: "r2", scenario: "default", ttftMs: 580 });
  metrics.requestEnd({
    requestId: "r2",
    scenario: "default",
    stream: false,
    tier: DEEPSEEK,
    outcome: "ok",
    status: 200,
    durationMs: 580,
    attempts: 2,
    usage: { inputTokens: 1500, outputTokens: 200, cacheReadTokens: 500, cacheCreationTokens: 0 },
    estimatedInputTokens: 2000,
  });

  clock.advance(1000);
  metrics.requestStart({ requestId: "r3", scenario: "background", stream: false, estimatedInputTokens: 50, chain: CHAIN });
  metrics.attemptEnd({ ...ZAI, requestId: "r3", scenario: "background", attempt: 0, ok: false, reason: "overloaded", status: 529, durationMs: 40 });
  metrics.retry({ ...ZAI, requestId: "r3", scenario: "background", reason: "overloaded", delayMs: 100 });
  metrics.attemptEnd({ ...ZAI, requestId: "r3", scenario: "background", attempt: 1, ok: false, reason: "overloaded", status: 529, durationMs: 40 });
  metrics.fallback({ requestId: "r3", scenario: "background", from: ZAI, to: DEEPSEEK, reason: "overloaded" });
  metrics.attemptEnd({ ...DEEPSEEK, requestId: "r3", scenario: "background", attempt: 0, ok: true, durationMs: 200 });
  clock.advance(300);
  metrics.requestEnd({
    requestId: "r3",
    scenario: "background",
    protocol: "openai-chat",
    stream: false,
    tier: DEEPSEEK,
    outcome: "ok",
    status: 200,
    durationMs: 300,
    attempts: 3,
    usage: { inputTokens: 60, outputTokens: 10, cacheReadTokens: 0, cacheCreationTokens: 0 },
    estimatedInputTokens: 50,
  });
}
