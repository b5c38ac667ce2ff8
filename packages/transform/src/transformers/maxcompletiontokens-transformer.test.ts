import { describe, expect, it } from "vitest";
import { openAIBody, tierContext } from "../__fixtures__/tier-context.js";
import { maxcompletiontokensTransformer } from "./maxcompletiontokens-transformer.js";

describe("maxcompletiontokens", () => {
  it("asks the translation for max_completion_tokens and renames a max_tokens set later", async () => {
    const transformer = maxcompletiontokensTransformer();
    expect(transformer.translation).toEqual({ maxTokensField: "max_completion_tokens" });
    const out = await transformer.openaiRequest?.(openAIBody({ max_tokens: 500 }), tierContext());
    expect(out).not.toHaveProperty("max_tokens");
    expect(out?.max_completion_tokens).toBe(500);
  });

  it("caps the limit with the max_completion_tokens option claude-code-router configs use", async () => {
    const transformer = maxcompletiontokensTransformer({ max_completion_tokens: 16384 });
    const big = await transformer.openaiRequest?.(
      openAIBody({ max_completion_tokens: 128000 }),
      tierContext(),
    );
    expect(big?.max_completion_tokens).toBe(16384);
    const small = openAIBody({ max_completion_tokens: 512 });
    delete small.max_tokens;
    expect(await transformer.openaiRequest?.(small, tierContext())).toBe(small);
    expect(() => maxcompletiontokensTransformer({ max_completion_tokens: "lots" })).toThrow(
      /must be a number/,
    );
  });
});
