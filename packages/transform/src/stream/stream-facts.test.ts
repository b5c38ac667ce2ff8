import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anthropicEventsFixture, eventsToSse } from "../__fixtures__/anthropic-sse.js";
import { chunksToSse } from "../__fixtures__/chunks-to-sse.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { anthropicPassthroughTranslation } from "../passthrough/anthropic-passthrough-stream.js";
import { createTranslationContext } from "../translation-context.js";
import { openAIToAnthropicTranslation } from "./openai-to-anthropic-stream.js";
import type { StreamTranslation } from "./stream-translation.js";

const encoder = new TextEncoder();
const openAI = (name: string) =>
  encoder.encode(
    chunksToSse(readFileSync(new URL(`../__fixtures__/${name}.chunks.txt`, import.meta.url), "utf8")),
  );
const anthropic = (name: string) => encoder.encode(eventsToSse(anthropicEventsFixture(name)));
const fromOpenAI = () => openAIToAnthropicTranslation(createTranslationContext("claude-sonnet-4-5"));
const fromAnthropic = () => anthropicPassthroughTranslation("claude-sonnet-4-5");

/** Feeds the bytes cut at `cuts`; records the output written before content (nothing the caller may send). */
function feed(translation: StreamTranslation, bytes: Uint8Array, cuts: number[] = []) {
  const points = [...new Set(cuts.filter((cut) => cut > 0 && cut < bytes.length))].sort((a, b) => a - b);
  let output = "";
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (translation.done) break;
    output += translation.push(bytes.subarray(from, point));
    from = point;
  }
  if (!translation.done) output += translation.end();
  return output;
}

const cuts = (bytes: Uint8Array) =>
  fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 10 });

describe("stream facts, read off the canonical events", () => {
  it("say content once content began and completed at the end, with usage, for any split of the bytes", () => {
    for (const [bytes, create] of [
      [openAI("openai-text"), fromOpenAI],
      [anthropic("anthropic-tool-use"), fromAnthropic],
    ] as const) {
      fc.assert(
        fc.property(cuts(bytes), (at) => {
          const translation = create();
          feed(translation, bytes, at);
          expect(translation.facts).toMatchObject({
            started: true,
            content: true,
            completed: true,
            error: undefined,
          });
          expect(translation.facts.usage?.outputTokens).toBeGreaterThan(0);
          expect(translation.done).toBe(true);
        }),
        { numRuns: 40 },
      );
    }
  });

  it("hold through message_start and pings: content is false until a block starts", () => {
    const [start, ping, block] = eventsToSse(anthropicEventsFixture("anthropic-tool-use")).split("\n\n");
    const translation = fromAnthropic();
    const held = translation.push(encoder.encode(`${start}\n\n${ping}\n\n`));
    expect(held).toMatch(/^event: message_start\n/);
    expect(translation.facts).toMatchObject({ started: true, content: false });
    translation.push(encoder.encode(`${block}\n\n`));
    expect(translation.facts.content).toBe(true);
  });

  it("report an error before content as an UpstreamResponseError with its type, writing nothing for it", () => {
    for (const [bytes, create] of [
      [openAI("openai-error-first-frame"), fromOpenAI],
      [anthropic("anthropic-error-first-frame"), fromAnthropic],
    ] as const) {
      const translation = create();
      const output = feed(translation, bytes);
      expect(output).not.toMatch(/event: error/);
      expect(translation.facts.content).toBe(false);
      expect(translation.facts.error).toSatisfy((error) => UpstreamResponseError.isInstance(error));
      expect(translation.done).toBe(true);
    }
  });

  it("end the client's stream with one error frame for an error or a cut after content", () => {
    for (const [bytes, create] of [
      [openAI("openai-error-mid-stream"), fromOpenAI],
      [openAI("openai-truncated"), fromOpenAI],
      [anthropic("anthropic-error-mid-stream"), fromAnthropic],
      [anthropic("anthropic-truncated"), fromAnthropic],
    ] as const) {
      const translation = create();
      const output = feed(translation, bytes);
      expect(translation.facts).toMatchObject({ content: true, completed: false });
      expect(translation.facts.error).toBeDefined();
      expect(output.match(/event: error\n/g)).toHaveLength(1);
      expect(output.trimEnd().split("\n\n").at(-1)).toMatch(/^event: error\n/);
    }
  });

  it("let the caller end the answer with its own failure, once", () => {
    const translation = fromOpenAI();
    const bytes = openAI("openai-text");
    translation.push(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(translation.facts.content).toBe(true);
    const frame = translation.fail(new UpstreamResponseError({ status: 529, message: "idle for 5 ms" }));
    expect(frame).toBe(
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"idle for 5 ms"}}\n\n',
    );
    expect(translation.fail(new UpstreamResponseError({ status: 500, message: "again" }))).toBe("");
    expect(translation.push(bytes)).toBe("");
  });
});
