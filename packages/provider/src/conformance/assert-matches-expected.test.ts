import type { AnthropicMessage } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { assertMatchesExpected } from "./assert-matches-expected.js";
import type { ExpectedMessage } from "./expected-message.js";

const expected: ExpectedMessage = {
  text: "Reading.",
  thinking: "Look first.",
  toolCalls: [{ name: "Read", input: { file_path: "a.ts" } }],
  usage: { promptTokens: 100, cachedTokens: 60, outputTokens: 20 },
  stopReason: "tool_use",
};

const message: AnthropicMessage = {
  id: "msg_1",
  type: "message",
  role: "assistant",
  model: "m",
  content: [
    { type: "thinking", thinking: "Look first." },
    { type: "text", text: "Reading." },
    { type: "tool_use", id: "functions_Read_0", name: "Read", input: { file_path: "a.ts" } },
  ],
  stop_reason: "tool_use",
  stop_sequence: null,
  usage: { input_tokens: 40, cache_read_input_tokens: 60, output_tokens: 20 },
};

describe("assertMatchesExpected", () => {
  it("accepts a faithful translation", () => {
    expect(() => assertMatchesExpected(message, expected)).not.toThrow();
  });

  it.each([
    [
      "lost text",
      { ...message, content: message.content.slice(0, 1).concat(message.content.slice(2)) },
      "text",
    ],
    ["dropped reasoning", { ...message, content: message.content.slice(1) }, "thinking"],
    [
      "an invalid tool id",
      {
        ...message,
        content: [...message.content.slice(0, 2), { ...message.content[2]!, id: "functions.Read:0" }],
      },
      "tool_use ids",
    ],
    [
      "usage that ignores the cache",
      { ...message, usage: { input_tokens: 100, output_tokens: 20 } },
      "cache_read",
    ],
    ["the wrong stop reason", { ...message, stop_reason: "end_turn" }, "stop_reason"],
  ] as const)("rejects %s", (_, broken, what) => {
    expect(() => assertMatchesExpected(broken as AnthropicMessage, expected)).toThrow(what);
  });
});
