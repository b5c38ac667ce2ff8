import { describe, expect, it } from "vitest";
import type { AnthropicMessageParam, AnthropicToolUseBlock } from "../../types/anthropic.js";
import { pairToolCalls } from "./pair-tool-calls.js";
import type { RequestRepair } from "./request-repair.js";

function toolUse(id: string, name = "Read"): AnthropicToolUseBlock {
  return { type: "tool_use", id, name, input: { path: `/src/${id}` } };
}

function pair(messages: AnthropicMessageParam[]) {
  const repairs: RequestRepair[] = [];
  const before = JSON.stringify(messages);
  const paired = pairToolCalls(messages, repairs);
  expect(JSON.stringify(messages)).toBe(before);
  return { paired, repairs };
}

describe("pairToolCalls", () => {
  it("returns the messages themselves when every call is answered in the next user message", () => {
    const messages: AnthropicMessageParam[] = [
      { role: "user", content: "read both" },
      {
        role: "assistant",
        content: [{ type: "text", text: "Reading." }, toolUse("toolu_a"), toolUse("toolu_b")],
      },
      { role: "system", content: "<system-reminder>plan mode</system-reminder>" },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "toolu_b", content: "b" },
          { type: "tool_result", tool_use_id: "toolu_a", content: "a" },
          { type: "text", text: "go on" },
        ],
      },
    ];
    const { paired, repairs } = pair(messages);
    expect(paired).toBe(messages);
    expect(repairs).toEqual([]);
  });

  it("turns a result whose call was compacted away into text that keeps its whole content", () => {
    const messages: AnthropicMessageParam[] = [
      { role: "user", content: "summary of earlier work" },
      { role: "assistant", content: "Continuing." },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "toolu_gone", content: "file contents", is_error: true },
          {
            type: "tool_result",
            tool_use_id: "toolu_gone2",
            content: [
              { type: "text", text: "a screenshot:" },
              { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
              { type: "tool_reference", tool_name: "WebFetch" },
            ],
            cache_control: { type: "ephemeral" },
          },
          { type: "text", text: "and now?" },
        ],
      },
    ];
    const { paired, repairs } = pair(messages);
    expect(paired.slice(0, 2)).toEqual(messages.slice(0, 2));
    expect(paired[0]).toBe(messages[0]);
    expect(paired[2]?.content).toEqual([
      {
        type: "text",
        text: "[Result of tool call toolu_gone (an error), whose call is no longer in the conversation:]\nfile contents",
      },
      {
        type: "text",
        text: "[Result of tool call toolu_gone2, whose call is no longer in the conversation:]",
      },
      { type: "text", text: "a screenshot:" },
      { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
      { type: "text", text: "[Tool WebFetch was loaded.]", cache_control: { type: "ephemeral" } },
      { type: "text", text: "and now?" },
    ]);
    expect(repairs.map(({ kind, path }) => [kind, path])).toEqual([
      ["orphan-tool-result", "messages.2.content.0"],
      ["orphan-tool-result", "messages.2.content.1"],
    ]);
  });

  it("treats a second result for the same call, and a result two turns late, as orphans", () => {
    const { paired, repairs } = pair([
      { role: "assistant", content: [toolUse("toolu_a")] },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "toolu_a", content: "first" },
          { type: "tool_result", tool_use_id: "toolu_a", content: "again" },
        ],
      },
      { role: "assistant", content: "ok" },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_a", content: "late" }] },
    ]);
    expect(paired[1]?.content).toEqual([
      { type: "tool_result", tool_use_id: "toolu_a", content: "first" },
      {
        type: "text",
        text: "[Result of tool call toolu_a, whose call is no longer in the conversation:]\nagain",
      },
    ]);
    expect(repairs.map((repair) => repair.path)).toEqual(["messages.1.content.1", "messages.3.content.0"]);
  });

  it("answers a call the next user message leaves unanswered (an interrupted turn) with an error result", () => {
    const { paired, repairs } = pair([
      { role: "assistant", content: [toolUse("toolu_a"), toolUse("toolu_b")] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_b", content: "b" }] },
      { role: "assistant", content: [toolUse("toolu_c")] },
      { role: "user", content: "[Request interrupted by user]" },
    ]);
    const missing = (id: string) => ({
      type: "tool_result",
      tool_use_id: id,
      is_error: true,
      content: "No result was recorded for this tool call.",
    });
    expect(paired[1]?.content).toEqual([
      missing("toolu_a"),
      { type: "tool_result", tool_use_id: "toolu_b", content: "b" },
    ]);
    expect(paired[3]?.content).toEqual([
      missing("toolu_c"),
      { type: "text", text: "[Request interrupted by user]" },
    ]);
    expect(repairs.map(({ kind, path }) => [kind, path])).toEqual([
      ["unanswered-tool-use", "messages.0.content.0"],
      ["unanswered-tool-use", "messages.2.content.0"],
    ]);
  });

  it("adds a user message of error results when no user message follows the calls", () => {
    const { paired } = pair([
      { role: "user", content: "go" },
      { role: "assistant", content: [toolUse("toolu_a")] },
      { role: "assistant", content: [toolUse("toolu_b")] },
    ]);
    expect(paired.map((message) => message.role)).toEqual(["user", "assistant", "user", "assistant", "user"]);
    expect(paired[2]?.content).toMatchObject([
      { type: "tool_result", tool_use_id: "toolu_a", is_error: true },
    ]);
    expect(paired[4]?.content).toMatchObject([
      { type: "tool_result", tool_use_id: "toolu_b", is_error: true },
    ]);
  });

  it("renames a tool_use id used earlier in the conversation, and the result answering it", () => {
    const { paired, repairs } = pair([
      { role: "assistant", content: [toolUse("call_0")] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "call_0", content: "one" }] },
      { role: "assistant", content: [toolUse("call_0"), toolUse("call_0")] },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "call_0", content: "two" },
          { type: "tool_result", tool_use_id: "call_0", content: "three" },
        ],
      },
    ]);
    expect(paired[2]?.content).toMatchObject([{ id: "call_0_2" }, { id: "call_0_3" }]);
    expect(paired[3]?.content).toMatchObject([
      { tool_use_id: "call_0_2", content: "two" },
      { tool_use_id: "call_0_3", content: "three" },
    ]);
    expect(paired[1]?.content).toMatchObject([{ tool_use_id: "call_0", content: "one" }]);
    expect(repairs.map(({ kind, path }) => [kind, path])).toEqual([
      ["duplicate-tool-use-id", "messages.2.content.0.id"],
      ["duplicate-tool-use-id", "messages.2.content.1.id"],
    ]);
  });
});
