import { describe, expect, it } from "vitest";
import type { AnthropicMessagesRequest } from "../types/anthropic.js";
import { withoutUnsignedThinking } from "./signedthinking-transformer.js";

const request = (
  content: AnthropicMessagesRequest["messages"][number]["content"],
): AnthropicMessagesRequest => ({
  model: "claude-sonnet-5-5",
  max_tokens: 100,
  messages: [
    { role: "user", content: "hi" },
    { role: "assistant", content },
    { role: "user", content: "go on" },
  ],
});

describe("signedthinking", () => {
  it("drops unsigned thinking from assistant turns and keeps signed thinking", () => {
    const out = withoutUnsignedThinking(
      request([
        { type: "thinking", thinking: "from an OpenAI tier" },
        { type: "thinking", thinking: "from Anthropic", signature: "sig" },
        { type: "text", text: "answer" },
      ]),
    );
    expect(out.messages[1]?.content).toEqual([
      { type: "thinking", thinking: "from Anthropic", signature: "sig" },
      { type: "text", text: "answer" },
    ]);
  });

  it("never leaves an assistant turn empty", () => {
    const out = withoutUnsignedThinking(request([{ type: "thinking", thinking: "only thinking" }]));
    expect(out.messages[1]?.content).toEqual([{ type: "text", text: "only thinking" }]);
  });

  it("returns the same request when there is nothing to drop", () => {
    const same = request([{ type: "text", text: "answer" }]);
    expect(withoutUnsignedThinking(same)).toBe(same);
  });
});
