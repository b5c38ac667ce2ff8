import Anthropic from "@anthropic-ai/sdk";
import type { AnthropicMessage } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { messageToSse } from "./message-to-sse.js";

const message: AnthropicMessage = {
  id: "msg_1",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-5",
  content: [
    { type: "thinking", thinking: "The user wants a file.", signature: "sig-1" },
    { type: "text", text: "Writing it now." },
    { type: "tool_use", id: "toolu_1", name: "Write", input: { file_path: "/tmp/a.txt", content: "hi\n" } },
  ],
  stop_reason: "tool_use",
  stop_sequence: null,
  usage: { input_tokens: 120, output_tokens: 42, cache_read_input_tokens: 100 },
};

describe("messageToSse", () => {
  it("streams a whole message so that the Anthropic SDK rebuilds exactly that message", async () => {
    const client = new Anthropic({
      apiKey: "unused",
      fetch: async () =>
        new Response(Buffer.from(messageToSse(message)), {
          headers: { "content-type": "text/event-stream" },
        }),
    });
    const rebuilt = await client.messages
      .stream({ model: "claude-sonnet-4-5", max_tokens: 100, messages: [{ role: "user", content: "go" }] })
      .finalMessage();
    expect(rebuilt).toMatchObject({
      id: "msg_1",
      content: message.content,
      stop_reason: "tool_use",
      usage: { input_tokens: 120, output_tokens: 42, cache_read_input_tokens: 100 },
    });
  });
});
