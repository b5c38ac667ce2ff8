import type { OpenAIChatRequest, TierContext } from "@ccr/provider";
import { describe, expect, it } from "vitest";
import { geminiTransformer } from "./gemini-transformer.js";

describe("gemini", () => {
  it("applies to every function tool of the body without touching the original", async () => {
    const parameters = { type: "object", additionalProperties: false, properties: {} };
    const body: OpenAIChatRequest = {
      model: "gemini-2.5-flash",
      messages: [{ role: "user", content: "hi" }],
      tools: [{ type: "function", function: { name: "T", parameters } }],
    };
    const out = await geminiTransformer().openaiRequest?.(body, {} as TierContext);
    expect(out?.tools).toEqual([
      { type: "function", function: { name: "T", parameters: { type: "object", properties: {} } } },
    ]);
    expect(parameters.additionalProperties).toBe(false);
  });
});
