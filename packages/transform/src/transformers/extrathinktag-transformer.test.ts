import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunk, runChunks, tierContext } from "../__fixtures__/tier-context.js";
import type { OpenAIChatChunk } from "../types/openai.js";
import { extrathinktagTransformer } from "./extrathinktag-transformer.js";

const TEXT = "<think>Let me check the <b>tags</b> — é\n</think>\n\nThe answer is 42.";

function collect(out: OpenAIChatChunk[]): { reasoning: string; content: string } {
  let reasoning = "";
  let content = "";
  for (const each of out) {
    const delta = each.choices?.[0]?.delta;
    reasoning += delta?.reasoning_content ?? "";
    content += delta?.content ?? "";
  }
  return { reasoning, content };
}

describe("extrathinktag", () => {
  const transformer = extrathinktagTransformer();

  it("moves <think> content of a response into reasoning_content", async () => {
    const out = await transformer.openaiResponse?.(
      { choices: [{ message: { role: "assistant", content: TEXT }, finish_reason: "stop" }] },
      tierContext(),
    );
    expect(out?.choices?.[0]?.message).toEqual({
      role: "assistant",
      content: "The answer is 42.",
      reasoning_content: "Let me check the <b>tags</b> — é\n",
    });
  });

  it("splits a stream the same way whatever the chunk boundaries", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: TEXT.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const pieces: string[] = [];
        let from = 0;
        for (const point of [...points, TEXT.length]) {
          pieces.push(TEXT.slice(from, point));
          from = point;
        }
        const inputs = pieces.map((piece) => chunk({ content: piece }));
        inputs.push(chunk({}, "stop"));
        const out = runChunks(transformer.openaiChunks!(tierContext()), inputs);
        expect(collect(out)).toEqual({
          reasoning: "Let me check the <b>tags</b> — é\n",
          content: "The answer is 42.",
        });
        expect(out.at(-1)?.choices?.[0]?.finish_reason).toBe("stop");
      }),
    );
  });

  it("passes text without tags through untouched and releases a held '<' at the finish", () => {
    const hook = transformer.openaiChunks!(tierContext());
    const untouched = chunk({ content: "no tags here" });
    expect(hook(untouched)).toBe(untouched);
    expect(hook(chunk({ content: "a < b" }))).toEqual([chunk({ content: "a < b" })]);
    const out = runChunks(hook, [chunk({ content: "x <" }), chunk({}, "stop")]);
    expect(collect(out)).toEqual({ reasoning: "", content: "x <" });
  });
});
