import { describe, expect, it } from "vitest";
import { openAIBody, tierContext } from "../__fixtures__/tier-context.js";
import { samplingTransformer } from "./sampling-transformer.js";

describe("sampling", () => {
  const transformer = samplingTransformer({
    temperature: 0.6,
    top_p: null,
    repetition_penalty: 1.05,
    top_k: 20,
  });

  it("sets numbers and removes nulls in the OpenAI body", async () => {
    const out = await transformer.openaiRequest?.(openAIBody({ temperature: 1, top_p: 0.9 }), tierContext());
    expect(out).toMatchObject({ temperature: 0.6, repetition_penalty: 1.05, top_k: 20 });
    expect(out).not.toHaveProperty("top_p");
  });

  it("sets only the fields the Anthropic API knows on anthropic tiers", async () => {
    const context = tierContext({ protocol: "anthropic", request: { top_p: 0.9 } });
    const out = await transformer.anthropicRequest?.(context.request, context);
    expect(out).toMatchObject({ temperature: 0.6, top_k: 20 });
    expect(out).not.toHaveProperty("top_p");
    expect(out).not.toHaveProperty("repetition_penalty");
    const openaiTier = tierContext();
    expect(await transformer.anthropicRequest?.(openaiTier.request, openaiTier)).toBe(openaiTier.request);
  });

  it("caps max_tokens on both protocols, as claude-code-router's sampling does", async () => {
    const capping = samplingTransformer({ max_tokens: 8192, temperature: 0.6 });
    for (const protocol of ["openai", "anthropic"] as const) {
      const context = tierContext({ protocol, request: { max_tokens: 32000 } });
      expect(await capping.anthropicRequest?.(context.request, context)).toMatchObject({ max_tokens: 8192 });
      const small = tierContext({ protocol, request: { max_tokens: 1024 } });
      expect(await capping.anthropicRequest?.(small.request, small)).toMatchObject({ max_tokens: 1024 });
    }
    expect(() => samplingTransformer({ max_tokens: 0 })).toThrow(/positive integer/);
  });

  it("rejects unknown keys and non-numbers", () => {
    expect(() => samplingTransformer({ temp: 1 })).toThrow(/unknown option "temp"/);
    expect(() => samplingTransformer({ temperature: "hot" })).toThrow(/must be a number or null/);
  });
});
