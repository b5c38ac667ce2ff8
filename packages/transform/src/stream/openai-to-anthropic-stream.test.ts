import { readFileSync } from "node:fs";
import Anthropic from "@anthropic-ai/sdk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anthropicStreamProblems } from "../__fixtures__/anthropic-stream-problems.js";
import { byteStream, chunksToSse, parseSseText, readAllText } from "../__fixtures__/chunks-to-sse.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { createTranslationContext } from "../translation-context.js";
import type { OpenAIChatChunk } from "../types/openai.js";
import { openAIToAnthropicStream, type StreamTranslationOptions } from "./openai-to-anthropic-stream.js";

const LONG_TOOL = "mcp__github__search_repositories_with_a_very_long_descriptive_name_for_testing";
const encoder = new TextEncoder();

function fixtureBytes(name: string): Uint8Array {
  const text = readFileSync(new URL(`../__fixtures__/${name}.chunks.txt`, import.meta.url), "utf8");
  return encoder.encode(chunksToSse(text));
}

function context() {
  return createTranslationContext("claude-sonnet-4-5", {
    stream: true,
    toolNames: { mcp__github__search_repositories_with_a_very_long_descr_dkhpgbzm: LONG_TOOL },
  });
}

function translatedStream(bytes: Uint8Array, cuts: number[] = [], options?: StreamTranslationOptions) {
  return byteStream(bytes, cuts).pipeThrough(openAIToAnthropicStream(context(), options));
}

function translate(
  bytes: Uint8Array,
  cuts: number[] = [],
  options?: StreamTranslationOptions,
): Promise<string> {
  return readAllText(translatedStream(bytes, cuts, options));
}

/** The Anthropic SDK is the judge: it must parse the output into the expected message. */
function sdkFinalMessage(body: ReadableStream<Uint8Array>) {
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

const expectedMessages: Record<string, object> = {
  "openai-text": {
    id: "msg_chatcmpl-CX2mQ7vT1s9kq0bB3hT8fGd2yLwZa",
    model: "claude-sonnet-4-5",
    content: [{ type: "text", text: "Héllo wörld — 你好 🎉\nThe file has 3 lines." }],
    stop_reason: "end_turn",
    usage: {
      input_tokens: 2048,
      output_tokens: 17,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 16384,
    },
  },
  "openai-deepseek-reasoning": {
    content: [
      { type: "thinking", thinking: "The user wants the sum: 2 + 2 → 4, simple." },
      { type: "text", text: "2 + 2 = **4**" },
    ],
    stop_reason: "end_turn",
    usage: {
      input_tokens: 51,
      output_tokens: 61,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 1472,
    },
  },
  "openai-openrouter-reasoning": {
    content: [
      { type: "thinking", thinking: "**Checking the file**\n\nI should read package.json first." },
      { type: "text", text: "Let me look at `package.json`." },
      {
        type: "tool_use",
        id: "tool_0_Read_Xb8kLm2pQr",
        name: "Read",
        input: { file_path: "/work/app/package.json" },
      },
    ],
    stop_reason: "tool_use",
    usage: {
      input_tokens: 8193,
      output_tokens: 96,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 12288,
    },
  },
  "openai-gemini-tool-calls": {
    content: [
      { type: "text", text: "I'll check both directories." },
      {
        type: "tool_use",
        id: "function-call-11538735373364733481",
        name: "Bash",
        input: { command: "ls -la src", description: "List src" },
      },
      {
        type: "tool_use",
        id: "function-call-4410269370581532086",
        name: "Bash",
        input: { command: "ls -la test", description: "List test" },
      },
    ],
    stop_reason: "tool_use",
    usage: {
      input_tokens: 1714,
      output_tokens: 58,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 8120,
    },
  },
  "openai-kimi-tool-call": {
    content: [
      { type: "text", text: "Running the tests now." },
      {
        type: "tool_use",
        id: "functions_Bash_0_wapj8k",
        name: "Bash",
        input: { command: "pnpm test -- --reporter=dot", timeout: 120000 },
      },
    ],
    stop_reason: "tool_use",
    usage: {
      input_tokens: 227,
      output_tokens: 41,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 22784,
    },
  },
  "openai-content-and-finish": {
    content: [{ type: "text", text: "Done — all 12 tests pass ✅" }],
    stop_reason: "end_turn",
    usage: {
      input_tokens: 4210,
      output_tokens: 9,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
  },
  "openai-parallel-tool-calls": {
    content: [
      {
        type: "tool_use",
        id: "call_Wd3kP9sQ1mXa7bLf",
        name: "Read",
        input: { file_path: "/work/app/src/ünïcode.ts" },
      },
      {
        type: "tool_use",
        id: "call_Hn5tR2vY8cZe4gKj",
        name: LONG_TOOL,
        input: { query: "claude code router" },
      },
    ],
    stop_reason: "tool_use",
    usage: {
      input_tokens: 160,
      output_tokens: 52,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 29952,
    },
  },
  "openai-interleaved-tool-calls": {
    content: [
      { type: "tool_use", id: "chatcmpl-tool-a1", name: "Glob", input: { pattern: "**/*.tsx" } },
      { type: "tool_use", id: "chatcmpl-tool-b2", name: "Grep", input: { pattern: "TODO", path: "src" } },
    ],
    stop_reason: "tool_use",
    usage: {
      input_tokens: 12001,
      output_tokens: 44,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
  },
};

describe("openAIToAnthropicStream on recorded streams", () => {
  for (const [name, expected] of Object.entries(expectedMessages)) {
    describe(name, () => {
      const bytes = fixtureBytes(name);

      it("translates to well-formed Anthropic events", async () => {
        const events = parseSseText(await translate(bytes));
        expect(anthropicStreamProblems(events)).toEqual([]);
        expect(events).toMatchSnapshot();
      });

      it("parses with the Anthropic SDK into the expected message", async () => {
        const message = await sdkFinalMessage(translatedStream(bytes));
        expect(message).toMatchObject({
          type: "message",
          role: "assistant",
          stop_sequence: null,
          ...expected,
        });
        expect(message.content).toEqual((expected as { content: unknown }).content);
      });

      it("gives identical output for any split of the input bytes", async () => {
        const whole = await translate(bytes);
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 16 }),
            async (cuts) => {
              expect(await translate(bytes, cuts)).toBe(whole);
            },
          ),
          { numRuns: 40 },
        );
      });
    });
  }

  it("survives the input arriving one byte at a time", async () => {
    const bytes = fixtureBytes("openai-deepseek-reasoning");
    const everyByte = Array.from({ length: bytes.length }, (_, index) => index);
    expect(await translate(bytes, everyByte)).toBe(await translate(bytes));
  });
});

describe("openAIToAnthropicStream incrementality", () => {
  it("emits message_start and the first delta as soon as the first chunk arrives", async () => {
    const translator = openAIToAnthropicStream(context());
    const writer = translator.writable.getWriter();
    const reader = translator.readable.getReader();
    void writer.write(
      encoder.encode(
        `data: ${JSON.stringify({ id: "c1", choices: [{ index: 0, delta: { content: "Hi" } }] })}\n\n`,
      ),
    );
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("text_delta")) {
      const { value } = await reader.read();
      text += decoder.decode(value);
    }
    expect(parseSseText(text).map((event) => event.event)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
    ]);
    await writer.abort();
  });
});

describe("openAIToAnthropicStream failures", () => {
  it("errors the stream when the first frame is an error, so the router can cascade", async () => {
    const error = await translate(fixtureBytes("openai-error-first-frame")).catch(
      (caught: unknown) => caught,
    );
    expect(UpstreamResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      errorType: "rate_limit_error",
      retryable: true,
      message: "upstream error: Rate limit exceeded: free-models-per-min.",
    });
  });

  it("turns an error after output began into an Anthropic error frame and closes", async () => {
    const events = parseSseText(await translate(fixtureBytes("openai-error-mid-stream")));
    expect(events.map((event) => event.event)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "error",
    ]);
    expect(events.at(-1)?.data).toEqual({
      type: "error",
      error: { type: "api_error", message: "upstream error: Provider disconnected" },
    });
    await expect(sdkFinalMessage(translatedStream(fixtureBytes("openai-error-mid-stream")))).rejects.toThrow(
      /Provider disconnected/,
    );
  });

  it("does not let a stream cut before its finish look complete", async () => {
    const events = parseSseText(await translate(fixtureBytes("openai-truncated")));
    expect(events.some((event) => event.event === "message_stop")).toBe(false);
    expect(events.at(-1)).toEqual({
      event: "error",
      data: { type: "error", error: { type: "api_error", message: "upstream stream ended unexpectedly" } },
    });
  });

  it("errors the stream when the upstream sends nothing", async () => {
    await expect(translate(new Uint8Array())).rejects.toMatchObject({
      status: 502,
      message: "upstream stream ended before sending any data",
    });
  });

  it("errors the stream with the upstream's message when it sent a JSON body instead of SSE", async () => {
    const body = encoder.encode(
      '{\n  "error": {\n    "message": "Insufficient balance",\n    "code": 402\n  }\n}\n',
    );
    await expect(translate(body)).rejects.toMatchObject({
      status: 402,
      errorType: "billing_error",
      retryable: false,
      message: "upstream error: Insufficient balance",
    });
  });

  it("errors the stream on an `event: error` first frame", async () => {
    const body = encoder.encode('event: error\ndata: {"message":"model is overloaded","code":529}\n\n');
    await expect(translate(body)).rejects.toMatchObject({ status: 529, errorType: "overloaded_error" });
  });

  it("ends normally on [DONE] even without a finish_reason", async () => {
    const body = encoder.encode(
      `data: ${JSON.stringify({ id: "x", choices: [{ delta: { content: "ok" } }] })}\n\ndata: [DONE]\n\n`,
    );
    const events = parseSseText(await translate(body));
    expect(events.at(-2)?.data).toMatchObject({ type: "message_delta", delta: { stop_reason: "end_turn" } });
    expect(events.at(-1)?.event).toBe("message_stop");
  });
});

describe("openAIToAnthropicStream onChunk", () => {
  const bytes = fixtureBytes("openai-content-and-finish");

  it("translates what the hook returns: a rewrite, several chunks, or nothing", async () => {
    const onChunk = (chunk: OpenAIChatChunk): OpenAIChatChunk | OpenAIChatChunk[] | null => {
      const content = chunk.choices?.[0]?.delta?.content;
      if (content === "Done") return null;
      return [
        { choices: [{ index: 0, delta: { reasoning_content: "checking" } }] },
        {
          ...chunk,
          choices: [{ index: 0, delta: { content: content?.toUpperCase() }, finish_reason: "stop" }],
        },
      ];
    };
    const message = await sdkFinalMessage(translatedStream(bytes, [], { onChunk }));
    expect(message.content).toEqual([
      { type: "thinking", thinking: "checking" },
      { type: "text", text: " — ALL 12 TESTS PASS ✅" },
    ]);
  });
});

describe("openAIToAnthropicStream edge cases", () => {
  const sse = (chunks: object[]) =>
    encoder.encode(`${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("")}data: [DONE]\n\n`);
  const delta = (value: object, finish: string | null = null) => ({
    id: "c",
    choices: [{ index: 0, delta: value, finish_reason: finish }],
  });

  it("orders reasoning before text when one chunk carries both", async () => {
    const message = await sdkFinalMessage(
      translatedStream(sse([delta({ reasoning_content: "r", content: "t" }, "stop")])),
    );
    expect(message.content).toEqual([
      { type: "thinking", thinking: "r" },
      { type: "text", text: "t" },
    ]);
  });

  it("waits for a tool name that arrives after the id, and keeps a repeated id as the same call", async () => {
    const message = await sdkFinalMessage(
      translatedStream(
        sse([
          delta({ tool_calls: [{ index: 0, id: "call_1", function: { arguments: "" } }] }),
          delta({
            tool_calls: [{ index: 0, id: "call_1", function: { name: "Read", arguments: '{"file_path":' } }],
          }),
          delta({ tool_calls: [{ index: 0, id: "call_1", function: { arguments: '"/a"}' } }] }),
          delta({}, "tool_calls"),
        ]),
      ),
    );
    expect(message.content).toEqual([
      { type: "tool_use", id: "call_1", name: "Read", input: { file_path: "/a" } },
    ]);
  });

  it("closes a tool block when text follows it and keeps the text", async () => {
    const events = parseSseText(
      await translate(
        sse([
          delta({
            tool_calls: [
              { index: 0, id: "call_1", function: { name: "Bash", arguments: '{"command":"ls"}' } },
            ],
          }),
          delta({ content: "after" }, "tool_calls"),
        ]),
      ),
    );
    expect(events.map((event) => [event.event, (event.data as { index?: number }).index])).toEqual([
      ["message_start", undefined],
      ["content_block_start", 0],
      ["content_block_delta", 0],
      ["content_block_stop", 0],
      ["content_block_start", 1],
      ["content_block_delta", 1],
      ["content_block_stop", 1],
      ["message_delta", undefined],
      ["message_stop", undefined],
    ]);
  });

  it("ends with an error frame when a transformer's onChunk throws after content began", async () => {
    let calls = 0;
    const onChunk = (chunk: OpenAIChatChunk) => {
      calls += 1;
      // The first chunk only starts the message; the second carries text.
      if (calls === 3) throw new Error("bad chunk");
      return chunk;
    };
    const events = parseSseText(await translate(fixtureBytes("openai-text"), [], { onChunk }));
    expect(events.at(-1)?.data).toEqual({
      type: "error",
      error: { type: "api_error", message: "stream translation failed: bad chunk" },
    });
  });

  it("errors the stream with nothing written when onChunk throws after the message started but before content", async () => {
    let calls = 0;
    const onChunk = (chunk: OpenAIChatChunk) => {
      calls += 1;
      if (calls === 2) throw new Error("bad chunk");
      return chunk;
    };
    const output = await translate(fixtureBytes("openai-text"), [], { onChunk }).catch(
      (error: unknown) => error,
    );
    expect(output).toSatisfy((error) => UpstreamResponseError.isInstance(error));
    expect(output).toMatchObject({ message: "stream translation failed: bad chunk" });
  });

  it("errors the stream with the thrown error when onChunk throws before any output", async () => {
    const onChunk = () => {
      throw new Error("bad first chunk");
    };
    await expect(translate(fixtureBytes("openai-text"), [], { onChunk })).rejects.toThrow("bad first chunk");
  });
});
