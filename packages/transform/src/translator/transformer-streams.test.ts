import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sdkFinalMessage } from "../__fixtures__/anthropic-sse.js";
import { byteStream, chunksToSse, readAllText } from "../__fixtures__/chunks-to-sse.js";
import { pipeTranslator } from "../__fixtures__/tier-context.js";
import type { AnthropicMessagesRequest } from "../types/anthropic.js";
import { createTranslator } from "./create-translator.js";

/**
 * Recorded dialect streams through the translator with the transformer that
 * exists for them, judged by the Anthropic SDK.
 */
const request: AnthropicMessagesRequest = {
  model: "claude-sonnet-4-5",
  max_tokens: 32000,
  stream: true,
  messages: [{ role: "user", content: "Run the tests" }],
  tools: [
    { name: "Bash", input_schema: { type: "object", properties: { command: { type: "string" } } } },
    { name: "Read", input_schema: { type: "object", properties: { file_path: { type: "string" } } } },
  ],
};

function fixtureBytes(name: string): Uint8Array {
  const text = readFileSync(new URL(`../__fixtures__/${name}.chunks.txt`, import.meta.url), "utf8");
  return new TextEncoder().encode(chunksToSse(text));
}

async function translate(transformer: string, fixture: string, cuts: number[] = []) {
  const translator = createTranslator({
    protocol: "openai",
    model: "upstream-model",
    transformers: [{ name: transformer }],
  });
  const { context } = await translator.request(request);
  return pipeTranslator(byteStream(fixtureBytes(fixture), cuts), translator, context);
}

describe("transformers on recorded streams", () => {
  it("extrathinktag: MiniMax's <think> text becomes a thinking block before the text and the tool call", async () => {
    const message = await sdkFinalMessage(
      await translate("extrathinktag", "transformer-extrathinktag-minimax"),
    );
    expect(message).toMatchObject({
      stop_reason: "tool_use",
      usage: { input_tokens: 15790, output_tokens: 83 },
      content: [
        { type: "thinking", thinking: "\nThe user wants the tests run. I should use pnpm — ça marche.\n" },
        { type: "text", text: "Running the tests now." },
        {
          type: "tool_use",
          id: "call_function_7v9x2k1m3n4p_1",
          name: "Bash",
          input: { command: "pnpm test", description: "Run the tests" },
        },
      ],
    });
  });

  it("extrathinktag: the output is the same for any split of the upstream bytes", async () => {
    const whole = await readAllText(await translate("extrathinktag", "transformer-extrathinktag-minimax"));
    const length = fixtureBytes("transformer-extrathinktag-minimax").length;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: length - 1 }), { maxLength: 16 }), async (cuts) => {
        const split = await readAllText(
          await translate("extrathinktag", "transformer-extrathinktag-minimax", cuts),
        );
        expect(withoutIds(split)).toBe(withoutIds(whole));
      }),
      { numRuns: 40 },
    );
  });

  it("enhancetool: malformed, interleaved tool-call arguments arrive as valid inputs", async () => {
    const message = await sdkFinalMessage(
      await translate("enhancetool", "transformer-enhancetool-malformed-args"),
    );
    expect(message.content).toEqual([
      { type: "text", text: "Reading both files." },
      { type: "tool_use", id: "call_a1", name: "Read", input: { file_path: "/src/a.ts", offset: 10 } },
      { type: "tool_use", id: "call_b2", name: "Read", input: { file_path: "/src/b.ts", limit: 20 } },
    ]);
    expect(message.usage).toMatchObject({ input_tokens: 4210, output_tokens: 61 });
  });

  it("tooluse: a streamed ExitTool call reaches Claude Code as the text answer, ending the turn", async () => {
    const message = await sdkFinalMessage(await translate("tooluse", "transformer-tooluse-exit-tool"));
    expect(message).toMatchObject({
      stop_reason: "end_turn",
      content: [{ type: "text", text: "The build passes — nothing to do." }],
      usage: { input_tokens: 176, cache_read_input_tokens: 2944, output_tokens: 24 },
    });
  });
});

/** Message ids are random when the upstream gives none; everything else must match byte for byte. */
function withoutIds(sse: string): string {
  return sse.replace(/"id":"msg_[^"]*"/g, '"id":"msg"');
}
