import { describe, expect, it } from "vitest";
import { sdkFinalMessage } from "../__fixtures__/anthropic-sse.js";
import { byteStream, parseSseText, readAllText } from "../__fixtures__/chunks-to-sse.js";
import { pipeTranslator } from "../__fixtures__/tier-context.js";
import type { AnthropicMessagesRequest } from "../types/anthropic.js";
import { createTranslator } from "./create-translator.js";

/**
 * Upstreams that end with a bare `data: [DONE]`, no finish_reason and no
 * usage chunk: whatever a transformer holds back must still reach the client.
 */
const request: AnthropicMessagesRequest = {
  model: "claude-sonnet-4-5",
  max_tokens: 32000,
  stream: true,
  messages: [{ role: "user", content: "Read a.ts" }],
  tools: [{ name: "Read", input_schema: { type: "object", properties: { file_path: { type: "string" } } } }],
};

function sse(deltas: object[], ending = "data: [DONE]\n\n"): Uint8Array {
  const frames = deltas
    .map(
      (delta) =>
        `data: ${JSON.stringify({ id: "c", choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`,
    )
    .join("");
  return new TextEncoder().encode(frames + ending);
}

async function stream(transformers: string[], bytes: Uint8Array) {
  const translator = createTranslator({
    protocol: "openai",
    model: "upstream-model",
    transformers: transformers.map((name) => ({ name })),
  });
  const { context } = await translator.request(request);
  return pipeTranslator(byteStream(bytes), translator, context);
}

const readCall = [
  { role: "assistant", content: "Reading." },
  {
    tool_calls: [
      { index: 0, id: "call_1", type: "function", function: { name: "Read", arguments: "{'file_path':" } },
    ],
  },
  { tool_calls: [{ index: 0, function: { arguments: " '/a.ts'}" } }] },
];

describe("transformers that hold chunks, on a stream ending with only [DONE]", () => {
  it("enhancetool releases the held tool calls, repaired, and the turn ends in tool_use", async () => {
    const message = await sdkFinalMessage(await stream(["enhancetool"], sse(readCall)));
    expect(message.stop_reason).toBe("tool_use");
    expect(message.content).toEqual([
      { type: "text", text: "Reading." },
      { type: "tool_use", id: "call_1", name: "Read", input: { file_path: "/a.ts" } },
    ]);
  });

  it("enhancetool releases them too when the body simply ends after the last piece", async () => {
    const events = parseSseText(await readAllText(await stream(["enhancetool"], sse(readCall, ""))));
    const toolStart = events.find(
      (event) => (event.data as { content_block?: { type: string } }).content_block?.type === "tool_use",
    );
    expect(toolStart).toBeDefined();
    // Cut without [DONE] or a finish_reason: reported as cut, after what was held.
    expect(events.at(-1)?.event).toBe("error");
  });

  it("extrathinktag releases text held back as a possible tag start", async () => {
    const message = await sdkFinalMessage(
      await stream(["extrathinktag"], sse([{ content: "a < b and b <" }])),
    );
    expect(message.content).toEqual([{ type: "text", text: "a < b and b <" }]);
  });

  it("tooluse shows the ExitTool answer", async () => {
    const message = await sdkFinalMessage(
      await stream(
        ["tooluse"],
        sse([
          {
            tool_calls: [
              { index: 0, id: "call_x", function: { name: "ExitTool", arguments: '{"response":' } },
            ],
          },
          { tool_calls: [{ index: 0, function: { arguments: '"All done."}' } }] },
        ]),
      ),
    );
    expect(message.stop_reason).toBe("end_turn");
    expect(message.content).toEqual([{ type: "text", text: "All done." }]);
  });

  it("chains the flushes: what enhancetool releases passes through extrathinktag", async () => {
    const message = await sdkFinalMessage(
      await stream(
        ["enhancetool", "extrathinktag"],
        sse([{ content: "<think>hm</think>ok <" }, ...readCall.slice(1)]),
      ),
    );
    expect(message.content).toMatchObject([
      { type: "thinking", thinking: "hm" },
      { type: "text", text: "ok <" },
      { type: "tool_use", name: "Read", input: { file_path: "/a.ts" } },
    ]);
  });
});
