import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anthropicEventsFixture, eventsToSse } from "../__fixtures__/anthropic-sse.js";
import { byteStream, chunksToSse, readAllText } from "../__fixtures__/chunks-to-sse.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { anthropicPassthroughTranslation } from "../passthrough/anthropic-passthrough-stream.js";
import { createTranslationContext } from "../translation-context.js";
import { openAIToAnthropicStream, openAIToAnthropicTranslation } from "./openai-to-anthropic-stream.js";
import type { StreamTranslation } from "./stream-translation.js";

const encoder = new TextEncoder();
const openAIBytes = (name: string) =>
  encoder.encode(
    chunksToSse(readFileSync(new URL(`../__fixtures__/${name}.chunks.txt`, import.meta.url), "utf8")),
  );
const context = () => createTranslationContext("claude-sonnet-4-5");

/** Feeds the bytes cut at `cuts`, as a caller reading a socket would, and collects the output. */
function run(translation: StreamTranslation, bytes: Uint8Array, cuts: number[] = []): string {
  const points = [...new Set(cuts.filter((cut) => cut > 0 && cut < bytes.length))].sort((a, b) => a - b);
  let out = "";
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (translation.done) break;
    out += translation.push(bytes.slice(from, point));
    from = point;
  }
  if (!translation.done) out += translation.end();
  return out;
}

describe("stream translation as synchronous steps", () => {
  it("gives exactly what the TransformStream gives, for any split of the upstream bytes", async () => {
    for (const name of ["openai-text", "openai-parallel-tool-calls", "openai-deepseek-reasoning"]) {
      const bytes = openAIBytes(name);
      const expected = await readAllText(byteStream(bytes).pipeThrough(openAIToAnthropicStream(context())));
      await fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), (cuts) => {
          // Message ids are generated per translation: compare the rest.
          const out = run(openAIToAnthropicTranslation(context()), bytes, cuts);
          expect(out.replace(/msg_[\w-]+/g, "msg")).toBe(expected.replace(/msg_[\w-]+/g, "msg"));
        }),
        { numRuns: 50 },
      );
    }
  });

  it("is done at [DONE], so the rest of an upstream that lingers can be dropped", () => {
    const translation = openAIToAnthropicTranslation(context());
    const out = translation.push(openAIBytes("openai-text"));
    expect(translation.done).toBe(true);
    expect(out).toMatch(/event: message_stop\n/);
    expect(translation.push(encoder.encode('data: {"choices":[]}\n\n'))).toBe("");
    expect(translation.end()).toBe("");
  });

  it("reports a failure before content in its facts and ends with an error frame after content", () => {
    const first = openAIToAnthropicTranslation(context());
    // Nothing is written for a failure before content: the facts say what happened.
    expect(first.push(openAIBytes("openai-error-first-frame"))).toBe("");
    expect(first.done).toBe(true);
    expect(first.facts.content).toBe(false);
    expect(first.facts.error).toSatisfy((error) => UpstreamResponseError.isInstance(error));

    const truncated = openAIToAnthropicTranslation(context());
    const out = run(truncated, openAIBytes("openai-truncated"));
    expect(truncated.done).toBe(true);
    expect(out).toMatch(/event: message_start\n/);
    expect(out.trimEnd().split("\n\n").at(-1)).toMatch(/^event: error\n/);
    expect(out).not.toMatch(/message_stop/);

    const empty = openAIToAnthropicTranslation(context());
    expect(empty.end()).toBe("");
    expect(empty.facts.error?.message).toMatch(/ended before sending any data/);
  });

  it("passes an Anthropic stream through with the requested model, and reports an error first in its facts", () => {
    const passthrough = anthropicPassthroughTranslation("claude-sonnet-4-5");
    const out = run(
      passthrough,
      encoder.encode(eventsToSse(anthropicEventsFixture("anthropic-tool-use"))),
      [7, 99],
    );
    expect(out).toMatch(/"model":"claude-sonnet-4-5"/);
    expect(out).toMatch(/event: message_stop\n/);

    const failing = anthropicPassthroughTranslation("claude-sonnet-4-5");
    const error = encoder.encode(eventsToSse(anthropicEventsFixture("anthropic-error-first-frame")));
    expect(run(failing, error)).toBe("");
    expect(failing.facts.error).toSatisfy((error) => UpstreamResponseError.isInstance(error));
  });
});
