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
});
