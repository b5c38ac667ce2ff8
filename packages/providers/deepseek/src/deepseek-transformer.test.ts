import type { AnthropicMessagesRequest, OpenAIChatRequest, TierContext } from "@ccr/provider";
import { describe, expect, it } from "vitest";
import { deepseekTransformer } from "./deepseek-transformer.js";

const body = (max_tokens = 32_000): OpenAIChatRequest => ({
  model: "deepseek-v4-flash",
  messages: [{ role: "user", content: "hi" }],
  max_tokens,
});
const context = (request: Partial<AnthropicMessagesRequest> = {}) =>
  ({ model: "deepseek-v4-flash", request }) as TierContext;

describe("deepseek", () => {
  const transformer = deepseekTransformer();

  it("asks the translation to send thinking back as reasoning_content and to map the effort", () => {
    expect(transformer.translation).toEqual({ reasoning: "reasoning_content", reasoningEffort: true });
  });

  it("leaves max_tokens to the router's clamp from the model table, unless the option caps it", async () => {
    const request = body();
    expect(await transformer.openaiRequest?.(request, context())).toBe(request);
    const capped = deepseekTransformer({ max_tokens: 4096 });
    expect((await capped.openaiRequest?.(request, context()))?.max_tokens).toBe(4096);
    expect((await capped.openaiRequest?.(body(1000), context()))?.max_tokens).toBe(1000);
  });

  it("passes an explicit thinking switch, not the adaptive thinking Claude Code always sends", async () => {
    const enabled = context({ thinking: { type: "enabled", budget_tokens: 2048 } });
    expect((await transformer.openaiRequest?.(body(), enabled))?.thinking).toEqual({ type: "enabled" });
    const disabled = context({ thinking: { type: "disabled" } });
    expect((await transformer.openaiRequest?.(body(), disabled))?.thinking).toEqual({ type: "disabled" });
    const adaptive = context({ thinking: { type: "adaptive" } });
    expect((await transformer.openaiRequest?.(body(), adaptive))?.thinking).toBeUndefined();
  });

  it("rejects a non-integer max_tokens option at config time", () => {
    expect(() => deepseekTransformer({ max_tokens: "8k" })).toThrow(
      'transformer "deepseek": option "max_tokens" must be a number, got "8k"',
    );
  });
});
