import { describe, expect, it } from "vitest";
import { tierContext } from "../__fixtures__/tier-context.js";
import { maxtokenTransformer } from "./maxtoken-transformer.js";

describe("maxtoken", () => {
  it("caps max_tokens on the Anthropic request, for both protocols", async () => {
    const transformer = maxtokenTransformer({ max_tokens: 16384 });
    const context = tierContext();
    const capped = await transformer.anthropicRequest?.(context.request, context);
    expect(capped?.max_tokens).toBe(16384);
    expect(context.request.max_tokens).toBe(32000);
    const small = { ...context.request, max_tokens: 1000 };
    expect(await transformer.anthropicRequest?.(small, context)).toBe(small);
  });

  it("needs the max_tokens option", () => {
    expect(() => maxtokenTransformer()).toThrow(/needs the option "max_tokens"/);
    expect(() => maxtokenTransformer({ max_tokens: 0 })).toThrow(/must be a positive integer/);
  });
});
