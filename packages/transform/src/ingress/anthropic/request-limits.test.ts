import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../../errors/request-validation-error.js";
import { decodeAnthropicRequest } from "./decode-anthropic-request.js";
import { DEFAULT_REQUEST_LIMITS } from "./request-limits.js";

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: "m", max_tokens: 1024, messages: [{ role: "user", content: "hi" }], ...overrides };
}

function refusal(
  value: unknown,
  options?: Parameters<typeof decodeAnthropicRequest>[1],
): RequestValidationError {
  try {
    decodeAnthropicRequest(value, options);
  } catch (error) {
    if (RequestValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a RequestValidationError");
}

/** `{"a":{"a":...}}` `levels` deep, built without recursion. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: "MARKER" };
  for (let level = 1; level < levels; level++) value = { a: value };
  return value;
}

describe("nesting depth", () => {
  it("refuses a 5,000-level tool input or input_schema with a 400 naming where, without overflowing the stack", () => {
    const deepInput = body({
      messages: [
        { role: "user", content: "go" },
        {
          role: "assistant",
          content: [{ type: "tool_use", id: "toolu_1", name: "Run", input: nested(5000) }],
        },
      ],
    });
    const error = refusal(deepInput);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(
      /^messages\.1\.content\.0\.input(\.a)+: Input nests objects and arrays more than 128 levels deep$/,
    );

    const deepSchema = body({
      tools: [{ name: "Run", input_schema: { type: "object", properties: nested(5000) } }],
    });
    expect(refusal(deepSchema).message).toMatch(/^tools\.0\.input_schema\.properties(\.a)+: Input nests/);

    let array: unknown[] = ["MARKER"];
    for (let level = 0; level < 100_000; level++) array = [array];
    expect(refusal(body({ stop_sequences: array })).status).toBe(400);
  });

  it("accepts the deepest request the limit allows, and a configured limit", () => {
    // body → messages → message → content → block → input = 6 levels before the nested value.
    const request = (levels: number) =>
      body({
        messages: [
          { role: "user", content: "go" },
          { role: "assistant", content: [{ type: "tool_use", id: "t", name: "Run", input: nested(levels) }] },
        ],
      });
    expect(() => decodeAnthropicRequest(request(DEFAULT_REQUEST_LIMITS.maxDepth - 5))).not.toThrow();
    expect(refusal(request(DEFAULT_REQUEST_LIMITS.maxDepth - 4)).status).toBe(400);
    expect(refusal(request(10), { limits: { maxDepth: 12 } }).status).toBe(400);
    expect(() => decodeAnthropicRequest(request(10), { limits: { maxDepth: 20 } })).not.toThrow();
  });
});

describe("string sizes", () => {
  it("answers 413 request_too_large naming the string over the limit", () => {
    const error = refusal(
      body({ messages: [{ role: "user", content: [{ type: "text", text: "x".repeat(101) }] }] }),
      { limits: { maxStringLength: 100 } },
    );
    expect(error).toMatchObject({ status: 413, errorType: "request_too_large" });
    expect(error.message).toBe(
      "messages.0.content.0.text: A string longer than 100 characters is over this server's limit",
    );
    const longKey = refusal(body({ metadata: { ["k".repeat(101)]: 1 } }), {
      limits: { maxStringLength: 100 },
    });
    expect(longKey.message).toBe("metadata: A key longer than 100 characters is over this server's limit");
  });
});

describe("entry counts", () => {
  it("refuses too many messages, blocks in a message or a tool result, system blocks and tools", () => {
    const limits = { maxMessages: 3, maxBlocksPerMessage: 2, maxTools: 1 };
    const text = { type: "text", text: "t" };
    const tool = { name: "A", input_schema: { type: "object" } };
    expect(
      refusal(body({ messages: Array(4).fill({ role: "user", content: "x" }) }), { limits }).message,
    ).toBe("messages: 4 messages are over this server's limit of 3");
    const error = refusal(
      body({
        system: [text, text, text],
        tools: [tool, { ...tool, name: "B" }],
        messages: [
          { role: "user", content: [text, text, text] },
          { role: "assistant", content: [{ type: "tool_use", id: "t", name: "A", input: {} }] },
          { role: "user", content: [{ type: "tool_result", tool_use_id: "t", content: [text, text, text] }] },
        ],
      }),
      { limits },
    );
    expect(error.issues).toEqual([
      { path: "messages.0.content", message: "3 content blocks are over this server's limit of 2" },
      { path: "messages.2.content.0.content", message: "3 content blocks are over this server's limit of 2" },
      { path: "tools", message: "2 tools are over this server's limit of 1" },
      { path: "system", message: "3 content blocks are over this server's limit of 2" },
    ]);
  });

  it("checks item by item without collecting an issue per bad entry", () => {
    const error = refusal(body({ messages: Array(50_000).fill(1) }));
    expect(error.issues).toHaveLength(20);
    expect(error.message).toMatch(/; and 15 more problems$/);
  });
});
