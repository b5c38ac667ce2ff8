import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunksToSse } from "../../__fixtures__/chunks-to-sse.js";
import { UpstreamResponseError } from "../../errors/upstream-response-error.js";
import type { StreamTranslation } from "../../stream/stream-translation.js";
import type { AnthropicMessage } from "../../types/anthropic.js";
import type { OpenAIChatChunk } from "../../types/openai.js";
import { chatChunkEncoder } from "./chat-chunk-encoder.js";
import { type ChatPassthroughOptions, chatPassthroughTranslation } from "./chat-passthrough-stream.js";

const encoder = new TextEncoder();

function fixture(name: string): string {
  return readFileSync(new URL(`../../__fixtures__/${name}.chunks.txt`, import.meta.url), "utf8");
}

function passthrough(options: Partial<ChatPassthroughOptions> = {}): StreamTranslation {
  return chatPassthroughTranslation({
    requestedModel: "my-alias",
    includeUsage: true,
    encoder: () => chatChunkEncoder({ model: "my-alias", created: 1, includeUsage: true }),
    ...options,
  });
}

/** The fixture through a fresh passthrough, cut at the given byte offsets. */
function run(name: string, cuts: number[] = [], options: Partial<ChatPassthroughOptions> = {}) {
  const bytes = encoder.encode(chunksToSse(fixture(name)));
  const translation = passthrough(options);
  let out = "";
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    out += translation.push(bytes.slice(from, cut));
    from = cut;
  }
  out += translation.push(bytes.slice(from));
  out += translation.end();
  return { out, facts: translation.facts };
}

const dataOf = (out: string) =>
  out
    .split("\n\n")
    .filter((frame) => frame !== "")
    .map((frame) => frame.slice("data: ".length));

describe("chatPassthroughTranslation", () => {
  it("relays each upstream chunk as its own text, with the client's model name, then [DONE]", () => {
    const { out, facts } = run("openai-text");
    const upstream = fixture("openai-text")
      .split("\n")
      .filter((line) => line !== "");
    expect(dataOf(out)).toEqual(
      upstream.map((line) => line.replace('"model":"gpt-4.1-2025-04-14"', '"model":"my-alias"')),
    );
    expect(facts).toMatchObject({ started: true, content: true, completed: true, stopReason: "end_turn" });
    expect(facts.usage).toEqual({
      inputTokens: 2048,
      outputTokens: 17,
      cacheReadTokens: 16384,
      cacheCreationTokens: 0,
    });
  });

  it("reads the usage-only chunk it asked for on its own account without sending it on", () => {
    const { out, facts } = run("openai-text", [], { includeUsage: false });
    const chunks = dataOf(out)
      .slice(0, -1)
      .map((data) => JSON.parse(data) as OpenAIChatChunk);
    expect(chunks.every((chunk) => chunk.choices?.length === 1)).toBe(true);
    expect(dataOf(out).at(-1)).toBe("[DONE]");
    expect(facts.usage?.outputTokens).toBe(17);
  });

  it("gives the same output for any split of the input bytes", () => {
    const whole = run("openai-parallel-tool-calls").out;
    const length = encoder.encode(chunksToSse(fixture("openai-parallel-tool-calls"))).length;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: length - 1 }), { maxLength: 20 }), (cuts) => {
        expect(run("openai-parallel-tool-calls", cuts).out).toBe(whole);
      }),
      { numRuns: 100 },
    );
  });

  it("holds a failure before content back for the router; after content ends with an error chunk and no [DONE]", () => {
    const first = run("openai-error-first-frame");
    expect(first.out).toBe("");
    expect(first.facts.content).toBe(false);
    expect(UpstreamResponseError.isInstance(first.facts.error)).toBe(true);

    const mid = run("openai-error-mid-stream");
    const frames = dataOf(mid.out);
    expect(frames).not.toContain("[DONE]");
    expect(JSON.parse(frames.at(-1) as string)).toEqual({
      error: {
        message: "upstream error: Provider disconnected",
        type: "server_error",
        param: null,
        code: null,
      },
    });
    expect(mid.facts.completed).toBe(false);

    const cut = run("openai-truncated");
    expect(dataOf(cut.out)).not.toContain("[DONE]");
    expect(JSON.parse(dataOf(cut.out).at(-1) as string)).toMatchObject({
      error: { message: "upstream stream ended unexpectedly" },
    });
  });

  it("runs the tier's chunk hooks and writes what they change anew", () => {
    const { out } = run("openai-text", [], {
      onChunk: (chunk) => {
        const content = chunk.choices?.[0]?.delta?.content;
        if (typeof content !== "string" || content === "") return chunk;
        return {
          ...chunk,
          choices: [{ index: 0, delta: { content: content.toUpperCase() }, finish_reason: null }],
        };
      },
    });
    const texts = dataOf(out)
      .slice(0, -1)
      .map((data) => (JSON.parse(data) as OpenAIChatChunk).choices?.[0]?.delta?.content)
      .filter((text) => typeof text === "string" && text !== "");
    const text = texts.join("");
    expect(text.startsWith("HÉLLO WÖRLD — 你好")).toBe(true);
    expect(text).toBe(text.toUpperCase());
  });

  it("streams an answer that came whole through the client's encoder", () => {
    const message: AnthropicMessage = {
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "m",
      content: [{ type: "text", text: "whole" }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 3, output_tokens: 1 },
    };
    const translation = passthrough();
    const frames = dataOf(translation.whole(message));
    expect(frames.at(-1)).toBe("[DONE]");
    expect(JSON.parse(frames[1] as string).choices[0].delta).toEqual({ content: "whole" });
    expect(translation.facts.completed).toBe(true);
  });
});
