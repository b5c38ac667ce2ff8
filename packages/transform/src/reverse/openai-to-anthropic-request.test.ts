import { describe, expect, it } from "vitest";
import { anthropicToOpenAIRequest } from "../request/anthropic-to-openai-request.js";
import type { AnthropicMessagesRequest } from "../types/anthropic.js";
import type { OpenAIChatRequest } from "../types/openai.js";
import { openAIToAnthropicRequest } from "./openai-to-anthropic-request.js";

describe("openAIToAnthropicRequest", () => {
  it("translates a tool-using conversation", () => {
    const body: OpenAIChatRequest = {
      model: "claude-sonnet-4-5",
      max_completion_tokens: 2048,
      messages: [
        { role: "developer", content: "Be brief." },
        { role: "system", content: [{ type: "text", text: "Use tools." }] },
        {
          role: "user",
          content: [
            { type: "text", text: "What is in this image?" },
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
            { type: "image_url", image_url: { url: "https://example.com/a.png" } },
          ],
        },
        {
          role: "assistant",
          content: "Checking.",
          reasoning_content: "hmm",
          tool_calls: [
            { id: "call.1", type: "function", function: { name: "Read", arguments: '{"path":"a"}' } },
          ],
        },
        { role: "tool", tool_call_id: "call.1", content: "file body" },
        { role: "system", content: "Reminder: stay on task." },
        { role: "user", content: "Thanks" },
      ],
      tools: [
        {
          type: "function",
          function: {
            name: "Read",
            description: "Read a file",
            parameters: { type: "object", properties: { path: { type: "string" } } },
          },
        },
      ],
      tool_choice: "required",
      parallel_tool_calls: false,
      stop: "END",
      temperature: 1.5,
      user: "user-1",
      stream: true,
    };
    expect(openAIToAnthropicRequest(body)).toMatchInlineSnapshot(`
      {
        "max_tokens": 2048,
        "messages": [
          {
            "content": [
              {
                "text": "What is in this image?",
                "type": "text",
              },
              {
                "source": {
                  "data": "iVBORw0KGgo=",
                  "media_type": "image/png",
                  "type": "base64",
                },
                "type": "image",
              },
              {
                "source": {
                  "type": "url",
                  "url": "https://example.com/a.png",
                },
                "type": "image",
              },
            ],
            "role": "user",
          },
          {
            "content": [
              {
                "text": "Checking.",
                "type": "text",
              },
              {
                "id": "call_1_vfxsx3",
                "input": {
                  "path": "a",
                },
                "name": "Read",
                "type": "tool_use",
              },
            ],
            "role": "assistant",
          },
          {
            "content": [
              {
                "content": "file body",
                "tool_use_id": "call_1_vfxsx3",
                "type": "tool_result",
              },
              {
                "text": "Reminder: stay on task.",
                "type": "text",
              },
              {
                "text": "Thanks",
                "type": "text",
              },
            ],
            "role": "user",
          },
        ],
        "metadata": {
          "user_id": "user-1",
        },
        "model": "claude-sonnet-4-5",
        "stop_sequences": [
          "END",
        ],
        "stream": true,
        "system": "Be brief.

      Use tools.",
        "temperature": 1,
        "tool_choice": {
          "disable_parallel_tool_use": true,
          "type": "any",
        },
        "tools": [
          {
            "description": "Read a file",
            "input_schema": {
              "properties": {
                "path": {
                  "type": "string",
                },
              },
              "type": "object",
            },
            "name": "Read",
          },
        ],
      }
    `);
  });

  it("maps reasoning_effort to a thinking budget below max_tokens, without temperature", () => {
    const out = openAIToAnthropicRequest({
      model: "m",
      max_tokens: 8000,
      reasoning_effort: "high",
      temperature: 0.2,
      messages: [{ role: "user", content: "x" }],
    });
    expect(out.thinking).toEqual({ type: "enabled", budget_tokens: 7999 });
    expect(out).not.toHaveProperty("temperature");
    expect(
      openAIToAnthropicRequest({ model: "m", messages: [{ role: "user", content: "x" }] }).max_tokens,
    ).toBe(4096);
  });

  it("rejects what Anthropic cannot take, naming it", () => {
    expect(() =>
      openAIToAnthropicRequest({
        model: "m",
        messages: [{ role: "user", content: [{ type: "input_audio", input_audio: {} }] }],
      }),
    ).toThrow(
      'messages[0].content[0]: content parts of type "input_audio" cannot be sent to an Anthropic upstream',
    );
    expect(() =>
      openAIToAnthropicRequest({
        model: "m",
        messages: [
          {
            role: "assistant",
            content: null,
            tool_calls: [{ id: "c", type: "function", function: { name: "T", arguments: "{oops" } }],
          },
        ],
      }),
    ).toThrow("messages[0].tool_calls[0].function.arguments: tool call arguments are not valid JSON");
  });

  it("round-trips Anthropic → OpenAI → Anthropic for the common subset", () => {
    const original: AnthropicMessagesRequest = {
      model: "claude-sonnet-4-5",
      max_tokens: 4000,
      system: "You are helpful.",
      messages: [
        { role: "user", content: "List files" },
        {
          role: "assistant",
          content: [
            { type: "text", text: "Sure." },
            { type: "tool_use", id: "toolu_01A", name: "Bash", input: { command: "ls" } },
            { type: "tool_use", id: "toolu_01B", name: "Bash", input: { command: "pwd" } },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "toolu_01A", content: "a.ts" },
            { type: "tool_result", tool_use_id: "toolu_01B", content: "/repo" },
            { type: "text", text: "And now?" },
          ],
        },
        { role: "assistant", content: "Done." },
      ],
      tools: [
        {
          name: "Bash",
          description: "Run",
          input_schema: { type: "object", properties: { command: { type: "string" } } },
        },
      ],
      tool_choice: { type: "tool", name: "Bash", disable_parallel_tool_use: true },
      stop_sequences: ["STOP"],
      temperature: 0.5,
      top_p: 0.9,
      metadata: { user_id: "u" },
      stream: true,
    };
    expect(openAIToAnthropicRequest(anthropicToOpenAIRequest(original).body)).toEqual(original);
  });
});
