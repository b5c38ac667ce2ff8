import type { AnthropicMessagesRequest } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { extractSubagentTag } from "./subagent-tag.js";

const TAG = "<CCR-SUBAGENT-MODEL>b,m2</CCR-SUBAGENT-MODEL>";

describe("extractSubagentTag", () => {
  it("finds the tag in a system block and removes it", () => {
    const request: AnthropicMessagesRequest = {
      model: "claude-sonnet-4-5",
      max_tokens: 1,
      system: [
        { type: "text", text: "You are Claude Code." },
        { type: "text", text: `${TAG}You are a code reviewer.` },
      ],
      messages: [{ role: "user", content: "review" }],
    };
    const result = extractSubagentTag(request);
    expect(result?.target).toBe("b,m2");
    expect(result?.request.system).toEqual([
      { type: "text", text: "You are Claude Code." },
      { type: "text", text: "You are a code reviewer." },
    ]);
    expect(request.system).toHaveLength(2);
    expect((request.system as { text: string }[])[1]?.text).toContain(TAG);
  });

  it("finds the tag in the first user turn (string or blocks), removing every occurrence", () => {
    const result = extractSubagentTag({
      model: "m",
      max_tokens: 1,
      system: `Plain system ${TAG}`,
      messages: [
        { role: "user", content: [{ type: "text", text: `  ${TAG.replace("b,m2", " a,m1 ")} do it` }] },
        { role: "assistant", content: "ok" },
      ],
    });
    expect(result?.target).toBe("b,m2");
    expect(result?.request.system).toBe("Plain system ");
    expect(result?.request.messages[0]?.content).toEqual([{ type: "text", text: "   do it" }]);
    expect(result?.request.messages[1]).toEqual({ role: "assistant", content: "ok" });
  });

  it("ignores tags in later turns and returns undefined without a tag", () => {
    const request: AnthropicMessagesRequest = {
      model: "m",
      max_tokens: 1,
      messages: [
        { role: "user", content: "first" },
        { role: "user", content: TAG },
      ],
    };
    expect(extractSubagentTag(request)).toBeUndefined();
  });
});
