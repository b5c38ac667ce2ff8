import { describe, expect, it } from "vitest";
import { moonshotUsageTransformer } from "./moonshot-usage-transformer.js";

const transformer = moonshotUsageTransformer();
const hook = transformer.openaiChunks!({} as never);
const usage = { prompt_tokens: 19, completion_tokens: 13, total_tokens: 32 };

describe("moonshot-usage", () => {
  it("lifts the usage Moonshot puts in the choice", () => {
    const chunk = { choices: [{ index: 0, delta: {}, finish_reason: "stop", usage }] };
    expect(hook(chunk)).toEqual({ ...chunk, usage });
  });

  it("reads cache hits from cached_tokens", () => {
    const chunk = { choices: [{ index: 0, delta: {}, usage: { ...usage, cached_tokens: 16 } }] };
    expect(hook(chunk)).toMatchObject({ usage: { prompt_tokens_details: { cached_tokens: 16 } } });
    expect(transformer.openaiResponse!({ usage: { ...usage, cached_tokens: 8 } }, {} as never)).toEqual({
      usage: { ...usage, cached_tokens: 8, prompt_tokens_details: { cached_tokens: 8 } },
    });
  });

  it("keeps chunks without usage as they are", () => {
    const plain = { choices: [{ index: 0, delta: { content: "hi" } }] };
    expect(hook(plain)).toBe(plain);
  });
});
