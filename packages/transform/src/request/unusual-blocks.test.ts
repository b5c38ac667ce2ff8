import { describe, expect, it } from "vitest";
import type { AnthropicContentBlock, AnthropicMessagesRequest } from "../types/anthropic.js";
import { anthropicToOpenAIRequest } from "./anthropic-to-openai-request.js";

function translate(overrides: Partial<AnthropicMessagesRequest>) {
  return anthropicToOpenAIRequest({
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    messages: [{ role: "user", content: "hi" }],
    ...overrides,
  }).body;
}

/** A block of a type CCR does not know, as a newer client would send it. */
const hologram = {
  type: "hologram",
  payload: "MARKER-1",
  depth: { of: ["field"] },
} as unknown as AnthropicContentBlock;
const hologramText =
  '[unsupported content block "hologram": {"type":"hologram","payload":"MARKER-1","depth":{"of":["field"]}}]';

describe("blocks of a type CCR does not know", () => {
  it("are sent as their whole JSON, delimited, in user and assistant turns", () => {
    const { messages } = translate({
      messages: [
        { role: "user", content: [{ type: "text", text: "look" }, hologram] },
        { role: "assistant", content: [hologram, { type: "text", text: "seen" }] },
        { role: "user", content: "next" },
      ],
    });
    expect(messages[0]).toEqual({
      role: "user",
      content: [
        { type: "text", text: "look" },
        { type: "text", text: hologramText },
      ],
    });
    expect(messages[1]).toEqual({ role: "assistant", content: `${hologramText}\nseen` });
  });

  it("are kept in the system prompt and in mid-conversation system messages", () => {
    const { messages } = translate({
      system: [{ type: "text", text: "You are Claude Code." }, hologram as never],
      messages: [
        { role: "user", content: "a" },
        { role: "system", content: [hologram] },
        { role: "user", content: "b" },
      ],
    });
    expect(messages[0]).toEqual({ role: "system", content: `You are Claude Code.\n\n${hologramText}` });
    expect(messages[2]).toEqual({ role: "system", content: hologramText });
  });

  it("are kept inside a tool result", () => {
    const { messages } = translate({
      messages: [
        { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "Read", input: {} }] },
        {
          role: "user",
          content: [
            {
              type: "tool_result",
              tool_use_id: "toolu_1",
              content: [{ type: "text", text: "ok" }, hologram as never],
            },
          ],
        },
      ],
    });
    expect(messages[1]).toEqual({ role: "tool", tool_call_id: "toolu_1", content: `ok\n${hologramText}` });
  });
});

describe("known blocks with no OpenAI form", () => {
  it("render search results with their title, source and text, also inside a tool result", () => {
    const searchResult = {
      type: "search_result" as const,
      source: "https://docs.example/guide",
      title: "Guide",
      content: [{ type: "text" as const, text: "Step one." }],
    };
    const { messages } = translate({
      messages: [
        { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "Search", input: {} }] },
        {
          role: "user",
          content: [{ type: "tool_result", tool_use_id: "toolu_1", content: [searchResult] }, searchResult],
        },
      ],
    });
    const text = "[search result: Guide (https://docs.example/guide)]\nStep one.";
    expect(messages.slice(1)).toEqual([
      { role: "tool", tool_call_id: "toolu_1", content: text },
      { role: "user", content: text },
    ]);
  });

  it("render remote MCP calls, container uploads and compaction summaries with what they hold", () => {
    const { messages } = translate({
      messages: [
        { role: "user", content: [{ type: "container_upload", file_id: "file_9" }] },
        {
          role: "assistant",
          content: [
            { type: "compaction", content: "Earlier: the user asked for tests." },
            {
              type: "mcp_tool_use",
              id: "mcptoolu_1",
              name: "search",
              server_name: "docs",
              input: { q: "x" },
            },
            {
              type: "mcp_tool_result",
              tool_use_id: "mcptoolu_1",
              content: [{ type: "text", text: "found" }],
            },
          ],
        },
      ],
    });
    expect(messages).toEqual([
      { role: "user", content: "[container_upload file_9]" },
      {
        role: "assistant",
        content:
          '[compaction]\nEarlier: the user asked for tests.\n[docs/search {"q":"x"}]\n[mcp_tool_result]\nfound',
      },
    ]);
  });
});

describe("output_config.effort", () => {
  it("maps xhigh and max to OpenAI's highest effort", () => {
    for (const effort of ["xhigh", "max"] as const) {
      const body = anthropicToOpenAIRequest(
        {
          model: "m",
          max_tokens: 10,
          messages: [{ role: "user", content: "hi" }],
          output_config: { effort },
        },
        { reasoningEffort: true },
      ).body;
      expect(body.reasoning_effort).toBe("high");
    }
  });
});
