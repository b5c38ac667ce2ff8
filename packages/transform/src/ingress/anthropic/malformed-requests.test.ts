import { describe, expect, it } from "vitest";
import { toolCallsAnswered } from "../../__fixtures__/tool-calls-answered.js";
import { RequestValidationError } from "../../errors/request-validation-error.js";
import { anthropicToOpenAIRequest } from "../../request/anthropic-to-openai-request.js";
import { decodeAnthropicRequest } from "./decode-anthropic-request.js";

/**
 * Every row of issue 13's table of hand-made bad requests, at the codec
 * level: decoded (refused with a 400 naming the field, or accepted and
 * repaired), then translated for an OpenAI-compatible tier.
 */

function body(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    messages: [{ role: "user", content: "hi" }],
    ...overrides,
  };
}

function refusal(value: unknown, options?: { countTokens?: boolean }): RequestValidationError {
  try {
    decodeAnthropicRequest(value, options);
  } catch (error) {
    if (RequestValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a RequestValidationError");
}

const refused: [string, Record<string, unknown>, string][] = [
  [
    '{"role":"user"} (no content)',
    body({ messages: [{ role: "user" }] }),
    "messages.0.content: Field required",
  ],
  [
    "content: true, system: {x: 1}",
    body({ messages: [{ role: "user", content: true }], system: { x: 1 } }),
    "messages.0.content: Input should be a valid string or a list of content blocks; system: Input should be a valid string or a list of text blocks",
  ],
  ["tools: 42", body({ tools: 42 }), "tools: Input should be a valid list"],
  ["tools: [42]", body({ tools: [42] }), "tools.0: Input should be a valid dictionary"],
  [
    "a tool without name",
    body({ tools: [{ input_schema: { type: "object" } }] }),
    "tools.0.name: Field required",
  ],
  ["system: [null]", body({ system: [null] }), "system.0: Input should be a valid dictionary"],
  [
    "a content block without type",
    body({ messages: [{ role: "user", content: [{ text: "The answer is 4." }] }] }),
    "messages.0.content.0.type: Field required",
  ],
  [
    '{"type": null, "text": "The answer is 4."}',
    body({ messages: [{ role: "user", content: [{ type: null, text: "The answer is 4." }] }] }),
    "messages.0.content.0.type: Input should be a valid string",
  ],
  [
    '{"type":"text"} with no text',
    body({ messages: [{ role: "user", content: [{ type: "text" }] }] }),
    "messages.0.content.0.text: Field required",
  ],
  [
    "an image without data",
    body({
      messages: [
        { role: "user", content: [{ type: "image", source: { type: "base64", media_type: "image/png" } }] },
      ],
    }),
    "messages.0.content.0.source.data: Field required",
  ],
  [
    "an image without media_type",
    body({
      messages: [{ role: "user", content: [{ type: "image", source: { type: "base64", data: "iVBO" } }] }],
    }),
    "messages.0.content.0.source.media_type: Field required",
  ],
  [
    "an image whose data is not a string",
    body({
      messages: [
        {
          role: "user",
          content: [{ type: "image", source: { type: "base64", media_type: "image/png", data: true } }],
        },
      ],
    }),
    "messages.0.content.0.source.data: Input should be a valid string",
  ],
  ...["wizard", "tool", "Human"].map((role): [string, Record<string, unknown>, string] => [
    `role: "${role}"`,
    body({ messages: [{ role, content: "hi" }] }),
    "messages.0.role: Input should be 'user', 'assistant' or 'system'",
  ]),
  ["messages: []", body({ messages: [] }), "messages: List should have at least 1 item"],
  [
    "a tool_use with no id",
    body({
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: [{ type: "tool_use", name: "Read", input: {} }] },
      ],
    }),
    "messages.1.content.0.id: Field required",
  ],
  [
    "temperature: 3, top_p: 7, stop_sequences: [42]",
    body({ temperature: 3, top_p: 7, stop_sequences: [42] }),
    "stop_sequences.0: Input should be a valid string; temperature: Input should be less than or equal to 1; top_p: Input should be less than or equal to 1",
  ],
  [
    "a tool with no input_schema",
    body({ tools: [{ name: "Read" }], tool_choice: { type: "tool", name: "Read" } }),
    "tools.0.input_schema: Field required",
  ],
];

describe("malformed requests from issue 13 are refused with a 400 naming the field", () => {
  it.each(refused)("%s", (_name, request, message) => {
    const error = refusal(request);
    expect(error.status).toBe(400);
    expect(error.errorType).toBe("invalid_request_error");
    expect(error.message).toBe(message);
  });

  it.each([
    ["tools: 42", { tools: 42 }, "tools: Input should be a valid list"],
    ["system: [null]", { system: [null] }, "system.0: Input should be a valid dictionary"],
  ])("on count_tokens too: %s", (_name, fields, message) => {
    expect(
      refusal({ model: "m", messages: [{ role: "user", content: "hi" }], ...fields }, { countTokens: true })
        .message,
    ).toBe(message);
  });

  it("a 5,000-level tool_use.input or input_schema", () => {
    let deep: Record<string, unknown> = {};
    for (let level = 0; level < 5000; level++) deep = { a: deep };
    const input = body({
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "Run", input: deep }] },
      ],
    });
    expect(refusal(input).status).toBe(400);
    expect(
      refusal(body({ tools: [{ name: "Run", input_schema: { type: "object", properties: deep } }] })).status,
    ).toBe(400);
  });
});

describe("a block type from a newer client", () => {
  const hologram = { type: "hologram", payload: "MARKER-HOLOGRAM" };
  const rendered = '[unsupported content block "hologram": {"type":"hologram","payload":"MARKER-HOLOGRAM"}]';

  it("is accepted, reported, kept intact for an Anthropic tier and rendered whole for an OpenAI one", () => {
    const request = body({
      system: [{ type: "text", text: "You are Claude Code." }, hologram],
      messages: [{ role: "user", content: [hologram, { type: "text", text: "what is this?" }] }],
    });
    const decoded = decodeAnthropicRequest(request);
    expect(decoded.unknownBlockTypes).toEqual(["hologram"]);
    expect(decoded.request).toBe(request);
    expect(JSON.stringify(decoded.request)).toContain("MARKER-HOLOGRAM");

    const { messages } = anthropicToOpenAIRequest(decoded.request).body;
    expect(messages).toEqual([
      { role: "system", content: `You are Claude Code.\n\n${rendered}` },
      {
        role: "user",
        content: [
          { type: "text", text: rendered },
          { type: "text", text: "what is this?" },
        ],
      },
    ]);
  });
});

describe("tool results and calls that do not pair up", () => {
  it("a tool_result answering no tool_use becomes text keeping its content; the OpenAI body has no orphan tool message", () => {
    const decoded = decodeAnthropicRequest(
      body({
        messages: [
          { role: "user", content: "earlier work was compacted" },
          { role: "assistant", content: "ok" },
          {
            role: "user",
            content: [{ type: "tool_result", tool_use_id: "toolu_gone", content: "MARKER-RESULT" }],
          },
        ],
      }),
    );
    expect(decoded.repairs).toMatchObject([{ kind: "orphan-tool-result", path: "messages.2.content.0" }]);
    const { messages } = anthropicToOpenAIRequest(decoded.request).body;
    expect(messages.some((message) => message.role === "tool")).toBe(false);
    expect(messages.at(-1)).toEqual({
      role: "user",
      content:
        "[Result of tool call toolu_gone, whose call is no longer in the conversation:]\nMARKER-RESULT",
    });
  });

  it("every tool call of the OpenAI body is answered by a tool message right after it", () => {
    const decoded = decodeAnthropicRequest(
      body({
        messages: [
          { role: "user", content: "go" },
          {
            role: "assistant",
            content: [
              { type: "tool_use", id: "toolu_1", name: "Read", input: {} },
              { type: "tool_use", id: "toolu_2", name: "Read", input: {} },
            ],
          },
          { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_2", content: "two" }] },
        ],
      }),
    );
    const { messages } = anthropicToOpenAIRequest(decoded.request).body;
    expect(toolCallsAnswered(messages)).toBe(true);
    expect(
      messages.filter((message) => message.role === "tool").map((message) => message.tool_call_id),
    ).toEqual(["toolu_1", "toolu_2"]);
  });
});
