import { describe, expect, it } from "vitest";
import { TranslationError } from "../../errors/translation-error.js";
import { anthropicToOpenAIRequest } from "../../request/anthropic-to-openai-request.js";
import type { AnthropicMessagesRequest } from "../../types/anthropic.js";
import type { OpenAIChatRequest } from "../../types/openai.js";
import { decodeChatRequest } from "./decode-chat-request.js";

const decode = (body: unknown) => decodeChatRequest(body).request;

/** The TranslationError a body is refused with: its path (OpenAI's `param`) and message. */
function refusal(body: unknown): { path: string | undefined; message: string } {
  try {
    decodeChatRequest(body);
  } catch (error) {
    if (TranslationError.isInstance(error)) return { path: error.path, message: error.message };
    throw error;
  }
  throw new Error("expected the body to be refused");
}

describe("decodeChatRequest", () => {
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
    expect(decode(body)).toMatchInlineSnapshot(`
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
    const out = decode({
      model: "m",
      max_tokens: 8000,
      reasoning_effort: "high",
      temperature: 0.2,
      messages: [{ role: "user", content: "x" }],
    });
    expect(out.thinking).toEqual({ type: "enabled", budget_tokens: 7999 });
    expect(out).not.toHaveProperty("temperature");
    expect(decode({ model: "m", messages: [{ role: "user", content: "x" }] }).max_tokens).toBe(8192);
    // Without a limit of the client's, the thinking budget comes on top of the default answer length.
    expect(
      decode({ model: "m", reasoning_effort: "high", messages: [{ role: "user", content: "x" }] }),
    ).toMatchObject({
      max_tokens: 8192 + 16384,
      thinking: { type: "enabled", budget_tokens: 16384 },
    });
    expect(
      decode({ model: "m", reasoning_effort: "none", messages: [{ role: "user", content: "x" }] }),
    ).not.toHaveProperty("thinking");
  });

  it("keeps thinking off when a tool is forced, as Anthropic requires", () => {
    const out = decode({
      model: "m",
      reasoning_effort: "medium",
      tool_choice: "required",
      tools: [{ type: "function", function: { name: "T", parameters: { type: "object" } } }],
      messages: [{ role: "user", content: "x" }],
    });
    expect(out.thinking).toBeUndefined();
    expect(out.tool_choice).toEqual({ type: "any" });
  });

  it("says what to answer with for response_format, as Anthropic has none", () => {
    const out = decode({
      model: "m",
      response_format: {
        type: "json_schema",
        json_schema: { name: "city", schema: { type: "object", properties: { name: { type: "string" } } } },
      },
      messages: [
        { role: "system", content: "You name cities." },
        { role: "user", content: "One in France?" },
      ],
    });
    expect(out.system).toBe(
      'You name cities.\n\nAnswer with a single valid JSON object and nothing else: no prose before or after it, no code fences. The object must match this JSON schema:\n{"type":"object","properties":{"name":{"type":"string"}}}',
    );
  });

  it("merges turns, puts tool results first and leaves out empty messages", () => {
    const out = decode({
      model: "m",
      messages: [
        { role: "user", content: "" },
        { role: "user", content: "List files" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "c1", type: "function", function: { name: "Bash", arguments: '{"command":"ls"' } },
          ],
        },
        { role: "user", content: "(waiting)" },
        { role: "tool", tool_call_id: "c1", content: [{ type: "text", text: "a.ts" }] },
      ],
    });
    expect(out.messages).toEqual([
      { role: "user", content: "List files" },
      // The model's malformed JSON is repaired, as it was when it came, not refused.
      {
        role: "assistant",
        content: [{ type: "tool_use", id: "c1", name: "Bash", input: { command: "ls" } }],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "c1", content: "a.ts" },
          { type: "text", text: "(waiting)" },
        ],
      },
    ]);
  });

  it("turns inline files into documents", () => {
    const pdf = "JVBERi0xLjQK";
    const out = decode({
      model: "m",
      messages: [
        {
          role: "user",
          content: [
            { type: "file", file: { filename: "a.pdf", file_data: `data:application/pdf;base64,${pdf}` } },
            { type: "file", file: { file_data: `data:text/plain;base64,${btoa("hello")}` } },
          ],
        },
      ],
    });
    expect(out.messages[0]?.content).toEqual([
      {
        type: "document",
        title: "a.pdf",
        source: { type: "base64", media_type: "application/pdf", data: pdf },
      },
      { type: "document", source: { type: "text", media_type: "text/plain", data: "hello" } },
    ]);
  });

  it("refuses what has no canonical form, naming the part", () => {
    expect(
      refusal({
        model: "m",
        messages: [
          { role: "user", content: [{ type: "input_audio", input_audio: { data: "x", format: "wav" } }] },
        ],
      }),
    ).toEqual({
      path: "messages[0].content[0]",
      message: 'messages[0].content[0]: content parts of type "input_audio" are not supported by CCR',
    });
    expect(
      refusal({
        model: "m",
        messages: [{ role: "user", content: [{ type: "file", file: { file_id: "file-1" } }] }],
      }).path,
    ).toBe("messages[0].content[0].file");
    expect(refusal({ model: "m", messages: [{ role: "system", content: "only instructions" }] }).path).toBe(
      "messages",
    );
  });

  it.each([
    [{ messages: [] }, "model", "is required"],
    [{ model: "m", messages: [] }, "messages", "messages must contain at least one message"],
    [
      { model: "m", messages: [{ role: "robot", content: "x" }] },
      "messages[0].role",
      "each message needs a role",
    ],
    [
      { model: "m", messages: [{ role: "user", content: 42 }] },
      "messages[0].content",
      "content must be a string or an array of content parts",
    ],
    [
      { model: "m", messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "" } }] }] },
      "messages[0].content[0].image_url.url",
      "image_url.url must not be empty",
    ],
    [
      {
        model: "m",
        messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "ftp://x" } }] }],
      },
      "messages[0].content[0].image_url.url",
      "must be an http(s) URL or a data: URL",
    ],
    [
      {
        model: "m",
        messages: [
          {
            role: "assistant",
            content: null,
            tool_calls: [{ id: "c", type: "function", function: { name: "T" } }],
          },
        ],
      },
      "messages[0].tool_calls[0].function.arguments",
      "is required",
    ],
    [{ model: "m", messages: [{ role: "tool", content: "x" }] }, "messages[0].tool_call_id", "is required"],
    [
      {
        model: "m",
        messages: [
          { role: "user", content: [{ type: "file", file: { file_data: "data:text/plain,%E0%A4%A" } }] },
        ],
      },
      "messages[0].content[0].file.file_data",
      "not a valid percent-encoded data URL",
    ],
    [
      {
        model: "m",
        messages: [
          {
            role: "user",
            content: [{ type: "file", file: { file_data: "data:application/zip;base64,UEs=" } }],
          },
        ],
      },
      "messages[0].content[0].file.file_data",
      'files of type "application/zip" are not supported',
    ],
    [
      {
        model: "m",
        messages: [{ role: "user", content: "x" }],
        tools: [{ type: "function", function: { name: "bad name" } }],
      },
      "tools[0].function.name",
      "function names are 1 to 64 letters",
    ],
    [{ model: "m", messages: [{ role: "user", content: "x" }], n: 2 }, "n", "n must be 1"],
    [
      { model: "m", messages: [{ role: "user", content: "x" }], temperature: 3 },
      "temperature",
      "between 0 and 2",
    ],
    [
      { model: "m", messages: [{ role: "user", content: "x" }], stop: ["a", "b", "c", "d", "e"] },
      "stop",
      "at most 4",
    ],
    [
      { model: "m", messages: [{ role: "user", content: "x" }], tool_choice: "any" },
      "tool_choice",
      "tool_choice must be",
    ],
    [
      { model: "m", messages: [{ role: "user", content: "x" }], response_format: { type: "yaml" } },
      "response_format.type",
      "response_format.type must be",
    ],
  ])("refuses %j at %s", (body, path, message) => {
    const refused = refusal(body);
    expect(refused.path).toBe(path);
    expect(refused.message).toContain(message);
  });

  it("accepts fields it does not read and drops top-level nulls", () => {
    const { ingress } = decodeChatRequest({
      model: "m",
      messages: [{ role: "user", content: "x" }],
      frequency_penalty: 0.5,
      logit_bias: { "42": 1 },
      seed: null,
      n: 1,
    });
    expect(ingress.request).toEqual({
      model: "m",
      messages: [{ role: "user", content: "x" }],
      frequency_penalty: 0.5,
      logit_bias: { "42": 1 },
      n: 1,
    });
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
    expect(decode(anthropicToOpenAIRequest(original).body)).toEqual(original);
  });
});
