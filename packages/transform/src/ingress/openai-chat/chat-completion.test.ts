import { describe, expect, it } from "vitest";
import { openAIToAnthropicResponse } from "../../response/openai-to-anthropic-response.js";
import { createTranslationContext } from "../../translation-context.js";
import type { AnthropicMessage } from "../../types/anthropic.js";
import { chatCompletion } from "./chat-completion.js";

const message: AnthropicMessage = {
  id: "msg_01",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-5",
  content: [
    { type: "thinking", thinking: "Need ls.", signature: "sig" },
    { type: "text", text: "Listing." },
    { type: "tool_use", id: "toolu_01", name: "Bash", input: { command: "ls" } },
  ],
  stop_reason: "tool_use",
  stop_sequence: null,
  usage: {
    input_tokens: 100,
    cache_read_input_tokens: 900,
    cache_creation_input_tokens: 50,
    output_tokens: 20,
  },
};

describe("chatCompletion", () => {
  it("builds a chat.completion with the client's model name", () => {
    expect(chatCompletion(message, "my-alias", 1764072000)).toEqual({
      id: "chatcmpl-01",
      object: "chat.completion",
      created: 1764072000,
      model: "my-alias",
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: "Listing.",
            refusal: null,
            reasoning_content: "Need ls.",
            tool_calls: [
              { id: "toolu_01", type: "function", function: { name: "Bash", arguments: '{"command":"ls"}' } },
            ],
          },
          finish_reason: "tool_calls",
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: 1050,
        completion_tokens: 20,
        total_tokens: 1070,
        prompt_tokens_details: { cached_tokens: 900 },
      },
    });
  });

  it.each([
    ["end_turn", "stop"],
    ["stop_sequence", "stop"],
    ["max_tokens", "length"],
    ["refusal", "content_filter"],
  ] as const)("maps stop_reason %s to finish_reason %s", (stopReason, finishReason) => {
    const out = chatCompletion(
      { ...message, content: [{ type: "text", text: "x" }], stop_reason: stopReason },
      "m",
      0,
    );
    expect(out.choices?.[0]?.finish_reason).toBe(finishReason);
  });

  it("round-trips through the OpenAI → Anthropic response translation (thinking loses its signature)", () => {
    const back = openAIToAnthropicResponse(
      chatCompletion(message, "m", 0),
      createTranslationContext("claude-sonnet-4-5"),
    );
    expect(back).toMatchObject({
      model: "claude-sonnet-4-5",
      content: [
        { type: "thinking", thinking: "Need ls." },
        { type: "text", text: "Listing." },
        { type: "tool_use", id: "toolu_01", name: "Bash", input: { command: "ls" } },
      ],
      stop_reason: "tool_use",
      usage: { input_tokens: 150, cache_read_input_tokens: 900, output_tokens: 20 },
    });
  });
});
