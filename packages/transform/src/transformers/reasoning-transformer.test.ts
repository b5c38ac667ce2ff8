import { describe, expect, it } from "vitest";
import { openAIBody, tierContext } from "../__fixtures__/tier-context.js";
import { reasoningTransformer } from "./reasoning-transformer.js";

describe("reasoning", () => {
  it("maps the client's thinking to thinking + enable_thinking", async () => {
    const transformer = reasoningTransformer();
    expect(transformer.translation).toEqual({ reasoning: "reasoning_content" });
    const budget = tierContext({ request: { thinking: { type: "enabled", budget_tokens: 3000 } } });
    expect(await transformer.openaiRequest?.(openAIBody(), budget)).toMatchObject({
      thinking: { type: "enabled", budget_tokens: 3000 },
      enable_thinking: true,
    });
    const adaptive = tierContext({ request: { thinking: { type: "adaptive" } } });
    expect(await transformer.openaiRequest?.(openAIBody(), adaptive)).toMatchObject({
      thinking: { type: "enabled" },
      enable_thinking: true,
    });
    const disabled = tierContext({ request: { thinking: { type: "disabled" } } });
    expect(await transformer.openaiRequest?.(openAIBody(), disabled)).toMatchObject({
      enable_thinking: false,
    });
    const body = openAIBody();
    expect(await transformer.openaiRequest?.(body, tierContext())).toBe(body);
  });

  it("turns thinking off with enable: false", async () => {
    const transformer = reasoningTransformer({ enable: false });
    expect(transformer.translation).toEqual({ reasoning: "drop" });
    const context = tierContext({ request: { thinking: { type: "enabled", budget_tokens: 3000 } } });
    expect(await transformer.openaiRequest?.(openAIBody(), context)).toMatchObject({
      thinking: { type: "disabled" },
      enable_thinking: false,
    });
  });
});
