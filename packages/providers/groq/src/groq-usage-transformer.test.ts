import { describe, expect, it } from "vitest";
import { groqUsageTransformer } from "./groq-usage-transformer.js";

const hook = groqUsageTransformer().openaiChunks!({} as never);
const usage = { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 };

describe("groq-usage", () => {
  it("lifts x_groq.usage to usage", () => {
    expect(hook({ choices: [], x_groq: { id: "req_1", usage } })).toEqual({
      choices: [],
      x_groq: { id: "req_1", usage },
      usage,
    });
  });

  it("keeps a standard usage and chunks without usage as they are", () => {
    const standard = { choices: [], usage: { ...usage, prompt_tokens: 11 }, x_groq: { usage } };
    expect(hook(standard)).toBe(standard);
    const plain = { choices: [{ index: 0, delta: { content: "hi" } }] };
    expect(hook(plain)).toBe(plain);
  });
});
