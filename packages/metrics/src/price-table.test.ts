import { describe, expect, it } from "vitest";
import { costUsd, priceFor } from "./price-table.js";

describe("prices", () => {
  const prices = {
    "deepseek,deepseek-chat": { input: 0.27, output: 1.1, cacheRead: 0.07 },
    "deepseek-chat": { input: 99, output: 99 },
    "glm-4.6": { input: 0.6, output: 2.2 },
  };

  it("looks a tier up by its id first, then by model name", () => {
    expect(priceFor(prices, "deepseek,deepseek-chat", "deepseek-chat")?.input).toBe(0.27);
    expect(priceFor(prices, "zai,glm-4.6", "glm-4.6")?.input).toBe(0.6);
    expect(priceFor(prices, "x,y", "y")).toBeUndefined();
    expect(priceFor(undefined, "x,y", "y")).toBeUndefined();
  });

  it("prices per million tokens, cache tokens at their own price or the input price", () => {
    const usage = {
      inputTokens: 1_000_000,
      outputTokens: 500_000,
      cacheReadTokens: 2_000_000,
      cacheCreationTokens: 0,
    };
    expect(costUsd({ input: 0.27, output: 1.1, cacheRead: 0.07 }, usage)).toBeCloseTo(0.27 + 0.55 + 0.14);
    expect(costUsd({ input: 1, output: 2 }, { ...usage, cacheCreationTokens: 1_000_000 })).toBeCloseTo(
      1 + 1 + 2 + 1,
    );
  });
});
