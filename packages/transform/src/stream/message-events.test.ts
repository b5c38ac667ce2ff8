import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { anthropicIngress } from "../ingress/anthropic/anthropic-ingress.js";
import { anthropicStreamDecoder } from "../passthrough/anthropic-passthrough-stream.js";
import type { AnthropicMessage } from "../types/anthropic.js";
import { translateStream } from "./stream-translation.js";

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

/** A translation's `whole`, which runs messageEvents through the facts and the Anthropic encoder. */
function wholeStream(answer: AnthropicMessage) {
  const translation = translateStream(
    (events) => anthropicStreamDecoder(answer.model, events),
    anthropicIngress.streamEncoder(),
  );
  return { text: translation.whole(answer), facts: translation.facts };
}

describe("a whole message as a stream (messageEvents)", () => {
  it("streams a whole message so that the Anthropic SDK rebuilds exactly that message", async () => {
    const { text, facts } = wholeStream(message);
    expect(facts).toMatchObject({ content: true, completed: true, stopReason: "tool_use" });
    expect(facts.usage).toEqual({
      inputTokens: 120,
      outputTokens: 42,
      cacheReadTokens: 100,
      cacheCreationTokens: 0,
    });
    const client = new Anthropic({
      apiKey: "unused",
      fetch: async () =>
        new Response(text, {
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
