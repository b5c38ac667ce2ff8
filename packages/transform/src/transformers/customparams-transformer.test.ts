import { describe, expect, it } from "vitest";
import { openAIBody, tierContext } from "../__fixtures__/tier-context.js";
import { customparamsTransformer } from "./customparams-transformer.js";

describe("customparams", () => {
  const transformer = customparamsTransformer({
    enable_thinking: false,
    chat_template_kwargs: { thinking: false },
    stream_options: { include_usage: false },
    user: null,
  });

  it("deep-merges options into the OpenAI body; null removes a key", async () => {
    const body = openAIBody({
      stream: true,
      stream_options: { include_usage: true },
      user: "u1",
      chat_template_kwargs: { a: 1 },
    });
    const out = await transformer.openaiRequest?.(body, tierContext());
    expect(out).toMatchObject({
      enable_thinking: false,
      chat_template_kwargs: { a: 1, thinking: false },
      stream_options: { include_usage: false },
    });
    expect(out).not.toHaveProperty("user");
    expect(body.stream_options).toEqual({ include_usage: true });
  });

  it("merges into the Anthropic body on anthropic tiers only", async () => {
    const anthropic = tierContext({ protocol: "anthropic" });
    expect(await transformer.anthropicRequest?.(anthropic.request, anthropic)).toMatchObject({
      enable_thinking: false,
    });
    const openai = tierContext();
    expect(await transformer.anthropicRequest?.(openai.request, openai)).toBe(openai.request);
  });
});
