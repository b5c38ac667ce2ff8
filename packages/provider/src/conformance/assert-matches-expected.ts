import type { AnthropicMessage } from "@ccr/transform";
import { expect } from "vitest";
import type { ExpectedMessage } from "./expected-message.js";

type Block = { type: string; [key: string]: unknown };

/** Asserts that a translated message carries exactly what the provider produced. */
export function assertMatchesExpected(message: AnthropicMessage, expected: ExpectedMessage): void {
  const blocks = message.content as Block[];
  const text = blocks.filter((block) => block.type === "text").map((block) => block.text);
  expect(text.join(""), "text of the translated message").toBe(expected.text);
  if (expected.thinking !== "") {
    const thinking = blocks.filter((block) => block.type === "thinking").map((block) => block.thinking);
    expect(thinking.join(""), "reasoning surfaced as thinking blocks").toBe(expected.thinking);
  }
  const toolUses = blocks.filter((block) => block.type === "tool_use");
  expect(
    toolUses.map((block) => ({ name: block.name, input: block.input })),
    "tool_use blocks (name and reassembled input)",
  ).toEqual(expected.toolCalls);
  for (const block of toolUses) {
    expect(String(block.id), "tool_use ids must match ^[a-zA-Z0-9_-]+$ for Claude Code").toMatch(
      /^[a-zA-Z0-9_-]+$/,
    );
  }
  expect(new Set(toolUses.map((block) => block.id)).size, "tool_use ids are unique").toBe(toolUses.length);
  expect(message.stop_reason, "stop_reason").toBe(expected.stopReason);
  if (expected.usage) {
    const cached = message.usage.cache_read_input_tokens ?? 0;
    expect(message.usage.output_tokens, "usage.output_tokens = completion tokens").toBe(
      expected.usage.outputTokens,
    );
    expect(cached, "usage.cache_read_input_tokens = cached prompt tokens").toBe(expected.usage.cachedTokens);
    expect(message.usage.input_tokens + cached, "usage.input_tokens + cache reads = prompt tokens").toBe(
      expected.usage.promptTokens,
    );
  }
}
