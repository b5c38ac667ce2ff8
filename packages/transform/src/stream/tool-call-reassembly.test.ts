import Anthropic from "@anthropic-ai/sdk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anthropicStreamProblems } from "../__fixtures__/anthropic-stream-problems.js";
import { byteStream, parseSseText, readAllText } from "../__fixtures__/chunks-to-sse.js";
import { createTranslationContext } from "../translation-context.js";
import type { OpenAIChatChunk, OpenAIToolCallDelta } from "../types/openai.js";
import { openAIToAnthropicStream } from "./openai-to-anthropic-stream.js";

type Call = { id: string; name: string; input: Record<string, unknown>; cuts: number[]; emptyFirst: boolean };

const callArbitrary = (index: number): fc.Arbitrary<Call> =>
  fc.record({
    id: fc.constant(`call_${index}`),
    name: fc.constantFrom("Read", "Bash", "Edit", "Grep"),
    input: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), {
      maxKeys: 4,
    }) as fc.Arbitrary<Record<string, unknown>>,
    cuts: fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 6 }),
    emptyFirst: fc.boolean(),
  });

/** The deltas one call is streamed as: name first, then its JSON in pieces. */
function deltasOf(call: Call, index: number): OpenAIToolCallDelta[] {
  const json = JSON.stringify(call.input);
  const points = [...new Set(call.cuts.filter((cut) => cut < json.length))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of [...points, json.length]) {
    pieces.push(json.slice(from, point));
    from = point;
  }
  const first: OpenAIToolCallDelta = {
    index,
    id: call.id,
    type: "function",
    function: { name: call.name, arguments: call.emptyFirst ? "" : (pieces.shift() ?? "") },
  };
  return [first, ...pieces.map((piece) => ({ index, function: { arguments: piece } }))];
}

function streamOf(calls: Call[], interleaved: boolean): Uint8Array {
  const perCall = calls.map(deltasOf);
  const order: OpenAIToolCallDelta[] = [];
  if (interleaved) {
    for (let round = 0; perCall.some((deltas) => round < deltas.length); round++) {
      for (const deltas of perCall)
        if (round < deltas.length) order.push(deltas[round] as OpenAIToolCallDelta);
    }
  } else for (const deltas of perCall) order.push(...deltas);
  const chunks: OpenAIChatChunk[] = order.map((delta) => ({
    id: "c",
    choices: [{ index: 0, delta: { tool_calls: [delta] } }],
  }));
  chunks.push({ id: "c", choices: [{ index: 0, delta: {}, finish_reason: "tool_calls" }] });
  const text = `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("")}data: [DONE]\n\n`;
  return new TextEncoder().encode(text);
}

function translate(bytes: Uint8Array) {
  return byteStream(bytes).pipeThrough(
    openAIToAnthropicStream(createTranslationContext("claude-sonnet-4-5")),
  );
}

function finalMessage(body: ReadableStream<Uint8Array>) {
  const client = new Anthropic({
    apiKey: "test",
    baseURL: "http://ccr.test",
    maxRetries: 0,
    fetch: async () => new Response(body, { headers: { "content-type": "text/event-stream" } }),
  });
  return client.messages
    .stream({ model: "claude-sonnet-5-5", max_tokens: 1024, messages: [{ role: "user", content: "hi" }] })
    .finalMessage();
}

describe("tool call reassembly", () => {
  it("gives every tool_use exactly its own input, for any piecing, sequential or interleaved", async () => {
    const calls = fc
      .integer({ min: 1, max: 3 })
      .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => callArbitrary(index))));
    await fc.assert(
      fc.asyncProperty(calls, fc.boolean(), async (generated, interleaved) => {
        const bytes = streamOf(generated, interleaved);
        expect(anthropicStreamProblems(parseSseText(await readAllText(translate(bytes))))).toEqual([]);
        const message = await finalMessage(translate(bytes));
        const byId = new Map(
          message.content.flatMap((block) => (block.type === "tool_use" ? [[block.id, block] as const] : [])),
        );
        expect(message.content).toHaveLength(generated.length);
        for (const call of generated) {
          // Through JSON, as the model's output would be (-0 becomes 0).
          const input = JSON.parse(JSON.stringify(call.input));
          expect(byId.get(call.id)).toMatchObject({ name: call.name, input });
        }
        expect(message.stop_reason).toBe("tool_use");
      }),
      { numRuns: 60 },
    );
  });
});
