import { describe, expect, it } from "vitest";
import { openAIBody, tierContext } from "../__fixtures__/tier-context.js";
import { deepseekTransformer } from "./deepseek-transformer.js";

describe("deepseek", () => {
  const transformer = deepseekTransformer();

  it("asks the translation to send thinking back as reasoning_content and to map the effort", () => {
    expect(transformer.translation).toEqual({ reasoning: "reasoning_content", reasoningEffort: true });
  });

  it("clamps max_tokens to 8192 for deepseek-chat and 65536 for deepseek-reasoner", async () => {
    const chat = await transformer.openaiRequest?.(openAIBody(), tierContext({ model: "deepseek-chat" }));
    expect(chat?.max_tokens).toBe(8192);
    const reasoner = await transformer.openaiRequest?.(
      openAIBody({ max_tokens: 100000 }),
      tierContext({ model: "deepseek-reasoner" }),
    );
    expect(reasoner?.max_tokens).toBe(65536);
    const small = await transformer.openaiRequest?.(
      openAIBody({ max_tokens: 1000 }),
      tierContext({ model: "deepseek-chat" }),
    );
    expect(small?.max_tokens).toBe(1000);
  });

  it("leaves unknown models alone unless the max_tokens option is set", async () => {
    const body = openAIBody();
    expect(await transformer.openaiRequest?.(body, tierContext({ model: "deepseek-v4-pro" }))).toBe(body);
    const capped = deepseekTransformer({ max_tokens: 4096 });
    expect((await capped.openaiRequest?.(body, tierContext({ model: "deepseek-v4-pro" })))?.max_tokens).toBe(
      4096,
    );
  });

  it("passes an explicit thinking switch, not the adaptive thinking Claude Code always sends", async () => {
    const enabled = tierContext({
      model: "x",
      request: { thinking: { type: "enabled", budget_tokens: 2048 } },
    });
    expect((await transformer.openaiRequest?.(openAIBody(), enabled))?.thinking).toEqual({ type: "enabled" });
    const disabled = tierContext({ model: "x", request: { thinking: { type: "disabled" } } });
    expect((await transformer.openaiRequest?.(openAIBody(), disabled))?.thinking).toEqual({
      type: "disabled",
    });
    const adaptive = tierContext({ model: "x", request: { thinking: { type: "adaptive" } } });
    expect((await transformer.openaiRequest?.(openAIBody(), adaptive))?.thinking).toBeUndefined();
  });

  it("rejects a non-integer max_tokens option at config time", () => {
    expect(() => deepseekTransformer({ max_tokens: "8k" })).toThrow(
      'transformer "deepseek": option "max_tokens" must be a number, got "8k"',
    );
  });
});
