import { describe, expect, it } from "vitest";
import { seedProviders } from "../__fixtures__/test-configs.js";
import { normalizeConfig } from "../normalize/normalize-config.js";
import { DEFAULT_RETRY_POLICY, resolveRetryPolicy, retryPolicyFor } from "./retry-policy.js";
import { parseTierRef } from "./tier-ref.js";

const deepseek = parseTierRef("deepseek,deepseek-chat")!;

describe("retry policy precedence", () => {
  it("defaults to 3 retries, 100 ms doubling up to 10 s, 90 s to a first event, 120 s idle", () => {
    expect(resolveRetryPolicy(undefined, deepseek, 0)).toEqual({
      maxRetries: 3,
      baseBackoffMs: 100,
      backoffMultiplier: 2,
      maxBackoffMs: 10_000,
      streamFirstEventTimeoutMs: 90_000,
      streamIdleTimeoutMs: 120_000,
    });
    expect(resolveRetryPolicy(undefined, deepseek, 0)).toEqual(DEFAULT_RETRY_POLICY);
  });

  it('layers "*" < "tier-N" < provider < "provider,model", field by field', () => {
    const overrides = {
      "*": { maxRetries: 1, baseBackoffMs: 1, backoffMultiplier: 1, maxBackoffMs: 1 },
      "tier-2": { maxRetries: 2, baseBackoffMs: 2, backoffMultiplier: 2 },
      deepseek: { maxRetries: 3, baseBackoffMs: 3 },
      "deepseek,deepseek-chat": { maxRetries: 4 },
    };
    expect(resolveRetryPolicy(overrides, deepseek, 2)).toEqual({
      maxRetries: 4,
      baseBackoffMs: 3,
      backoffMultiplier: 2,
      maxBackoffMs: 1,
      streamFirstEventTimeoutMs: 90_000,
      streamIdleTimeoutMs: 120_000,
    });
    // At another position the tier-2 entry does not apply.
    expect(resolveRetryPolicy(overrides, deepseek, 0).backoffMultiplier).toBe(1);
    // Another model of the provider gets the provider's entry only.
    expect(resolveRetryPolicy(overrides, parseTierRef("deepseek,deepseek-reasoner")!, 5).maxRetries).toBe(3);
  });

  it("reads the config's tierRetries, stream timeouts included", () => {
    const { config } = normalizeConfig(
      {
        Providers: seedProviders,
        Router: {
          default: "zai,glm-4.7",
          tierRetries: {
            "tier-0": { max_retries: "5", base_backoff_ms: 50, stream_first_event_timeout_ms: 20_000 },
            zai: { stream_idle_timeout_ms: 30_000, backoff_multiplier: 1.5, max_backoff_ms: 2000 },
          },
        },
      },
      { env: {} },
    );
    expect(retryPolicyFor(config, parseTierRef("zai,glm-4.7")!, 0)).toEqual({
      maxRetries: 5,
      baseBackoffMs: 50,
      backoffMultiplier: 1.5,
      maxBackoffMs: 2000,
      streamFirstEventTimeoutMs: 20_000,
      streamIdleTimeoutMs: 30_000,
    });
    expect(config.chains.default[0]?.retry).toEqual(retryPolicyFor(config, parseTierRef("zai,glm-4.7")!, 0));
  });
});
