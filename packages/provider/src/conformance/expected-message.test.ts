import { describe, expect, it } from "vitest";
import { chunksOf, chunksToSse, parseChunkLines } from "./chunks-to-sse.js";
import { expectedFromAnthropicEvents, expectedFromAnthropicResponse } from "./expected-from-anthropic.js";
import { expectedFromOpenAIChunks, expectedFromOpenAIResponse } from "./expected-from-openai.js";

describe("expectedFromOpenAIChunks", () => {
  it("joins text and reasoning, reassembles tool arguments by index and keeps the last usage", () => {
    const chunks = [
      { choices: [{ index: 0, delta: { role: "assistant", reasoning_content: "Let me " } }] },
      { choices: [{ index: 0, delta: { reasoning_content: "look." } }] },
      { choices: [{ index: 0, delta: { content: "Reading" } }] },
      {
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                { index: 1, id: "b", function: { name: "Bash", arguments: "" } },
                { index: 0, id: "a", function: { name: "Read", arguments: '{"file' } },
              ],
            },
          },
        ],
      },
      {
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                { index: 0, function: { arguments: '_path":"a.ts"}' } },
                { index: 1, function: { arguments: '{"command":"ls"}' } },
              ],
            },
          },
        ],
      },
      { choices: [{ index: 0, delta: {}, finish_reason: "tool_calls" }] },
      {
        choices: [],
        usage: { prompt_tokens: 100, completion_tokens: 20, prompt_tokens_details: { cached_tokens: 60 } },
      },
    ];
    expect(expectedFromOpenAIChunks(chunks)).toEqual({
      text: "Reading",
      thinking: "Let me look.",
      toolCalls: [
        { name: "Read", input: { file_path: "a.ts" } },
        { name: "Bash", input: { command: "ls" } },
      ],
      usage: { promptTokens: 100, cachedTokens: 60, outputTokens: 20 },
      stopReason: "tool_use",
    });
  });

  it("finds usage where Groq and Moonshot put it", () => {
    const groq = [
      {
        choices: [{ index: 0, delta: {}, finish_reason: "stop" }],
        x_groq: { usage: { prompt_tokens: 5, completion_tokens: 2 } },
      },
    ];
    const kimi = [
      {
        choices: [
          { index: 0, delta: {}, finish_reason: "stop", usage: { prompt_tokens: 7, completion_tokens: 3 } },
        ],
      },
    ];
    expect(expectedFromOpenAIChunks(groq).usage).toEqual({
      promptTokens: 5,
      cachedTokens: 0,
      outputTokens: 2,
    });
    expect(expectedFromOpenAIChunks(kimi).usage).toEqual({
      promptTokens: 7,
      cachedTokens: 0,
      outputTokens: 3,
    });
  });

  it("reads DeepSeek's cache hits and leaves usage out when none was reported", () => {
    const deepseek = {
      choices: [{ message: { content: "hi" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 9, completion_tokens: 1, prompt_cache_hit_tokens: 8 },
    };
    expect(expectedFromOpenAIResponse(deepseek).usage).toEqual({
      promptTokens: 9,
      cachedTokens: 8,
      outputTokens: 1,
    });
    expect(
      expectedFromOpenAIChunks([
        { choices: [{ index: 0, delta: { content: "x" }, finish_reason: "length" }] },
      ]),
    ).toMatchObject({
      usage: undefined,
      stopReason: "max_tokens",
    });
  });
});

describe("expectedFromAnthropicEvents", () => {
  it("joins deltas and merges the usage of message_start and message_delta", () => {
    const events = [
      {
        type: "message_start",
        message: { usage: { input_tokens: 10, cache_read_input_tokens: 4, output_tokens: 1 } },
      },
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hi" } },
      {
        type: "content_block_start",
        index: 1,
        content_block: { type: "tool_use", id: "t", name: "Read", input: {} },
      },
      { type: "content_block_delta", index: 1, delta: { type: "input_json_delta", partial_json: '{"a":' } },
      { type: "content_block_delta", index: 1, delta: { type: "input_json_delta", partial_json: "1}" } },
      { type: "message_delta", delta: { stop_reason: "tool_use" }, usage: { output_tokens: 12 } },
    ];
    expect(expectedFromAnthropicEvents(events)).toEqual({
      text: "Hi",
      thinking: "",
      toolCalls: [{ name: "Read", input: { a: 1 } }],
      usage: { promptTokens: 14, cachedTokens: 4, outputTokens: 12 },
      stopReason: "tool_use",
    });
  });

  it("reads a non-streaming message", () => {
    const message = {
      content: [
        { type: "thinking", thinking: "hm", signature: "s" },
        { type: "text", text: "ok" },
      ],
      stop_reason: "end_turn",
      usage: { input_tokens: 3, output_tokens: 2 },
    };
    expect(expectedFromAnthropicResponse(message)).toEqual({
      text: "ok",
      thinking: "hm",
      toolCalls: [],
      usage: { promptTokens: 3, cachedTokens: 0, outputTokens: 2 },
      stopReason: "end_turn",
    });
  });
});

describe("chunksToSse", () => {
  it("rebuilds an OpenAI stream closed by [DONE] and an Anthropic stream with event names", () => {
    const lines = parseChunkLines('{"a":1}\n\n: keep-alive\n{"type":"ping"}\n');
    expect(chunksOf(lines)).toEqual([{ a: 1 }, { type: "ping" }]);
    expect(chunksToSse(lines, "openai")).toBe(
      'data: {"a":1}\n\n: keep-alive\n\ndata: {"type":"ping"}\n\ndata: [DONE]\n\n',
    );
    expect(chunksToSse(lines, "anthropic")).toBe(
      'event: message\ndata: {"a":1}\n\n: keep-alive\n\nevent: ping\ndata: {"type":"ping"}\n\n',
    );
  });

  it("names the line that is not JSON", () => {
    expect(() => parseChunkLines('{"a":1}\nnot json')).toThrow(
      "line 2 of the chunks fixture is not JSON: not json",
    );
  });
});
