import type { OpenAIChatRequest, TierContext } from "@ccr/provider";
import { describe, expect, it } from "vitest";
import { groqTransformer } from "./groq-transformer.js";

describe("groq", () => {
  it("removes $schema at any depth, cache_control remnants, names and rejected fields", async () => {
    const body: OpenAIChatRequest = {
      model: "test-model",
      max_tokens: 32000,
      messages: [
        {
          role: "user",
          name: "me",
          content: [{ type: "text", text: "hi", cache_control: { type: "ephemeral" } }],
        },
      ],
      tools: [
        {
          type: "function",
          function: {
            name: "Read",
            parameters: {
              $schema: "http://json-schema.org/draft-07/schema#",
              type: "object",
              properties: { nested: { $schema: "x", type: "object" } },
            },
          },
        },
      ],
      logprobs: true,
      top_logprobs: 2,
      logit_bias: {},
      n: 2,
    };
    const out = await groqTransformer().openaiRequest?.(body, {} as TierContext);
    expect(out).toEqual({
      model: "test-model",
      max_tokens: 32000,
      messages: [{ role: "user", content: [{ type: "text", text: "hi" }] }],
      tools: [
        {
          type: "function",
          function: {
            name: "Read",
            parameters: { type: "object", properties: { nested: { type: "object" } } },
          },
        },
      ],
    });
    expect(body.logprobs).toBe(true);
  });
});
