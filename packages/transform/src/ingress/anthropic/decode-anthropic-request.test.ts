import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildClaudeCodeRequest } from "../../__fixtures__/build-claude-code-request.js";
import { RequestValidationError } from "../../errors/request-validation-error.js";
import { decodeAnthropicRequest } from "./decode-anthropic-request.js";

const captured: unknown = JSON.parse(
  readFileSync(new URL("../../__fixtures__/claude-code-request.json", import.meta.url), "utf8"),
);

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    messages: [{ role: "user", content: "hi" }],
    ...overrides,
  };
}

/** The RequestValidationError a body is refused with. */
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

describe("requests Claude Code sends", () => {
  it("pass as they are: the same object back, nothing unknown, nothing repaired", () => {
    const decoded = decodeAnthropicRequest(captured);
    expect(decoded.request).toBe(captured);
    expect(decoded).toMatchObject({ unknownBlockTypes: [], unknownFields: [], repairs: [] });
  });

  it("pass for a long session with a large system prompt, big tool results and images", () => {
    const request = JSON.parse(JSON.stringify(buildClaudeCodeRequest(120)));
    request.system[1].text = "x".repeat(200_000);
    request.messages.push({
      role: "user",
      content: [
        { type: "tool_result", tool_use_id: "toolu_missing_is_fine_here", content: "y".repeat(2_000_000) },
        { type: "image", source: { type: "base64", media_type: "image/png", data: "A".repeat(7_000_000) } },
      ],
    });
    const decoded = decodeAnthropicRequest(request);
    expect(request.messages.length).toBeGreaterThan(240);
    expect(decoded.unknownBlockTypes).toEqual([]);
    expect(decoded.repairs.map((repair) => repair.kind)).toEqual(["orphan-tool-result"]);
  });
});

describe("refusals", () => {
  it("name each problem's path as Anthropic's API does, five at most in the message", () => {
    const error = refusal(
      body({
        messages: [
          { role: "user", content: [{ type: "image", source: { type: "base64", media_type: "image/png" } }] },
          { role: "wizard", content: "hi" },
        ],
        temperature: 3,
        top_p: 7,
        top_k: -1,
        stop_sequences: [42],
        max_tokens: 1.5,
      }),
    );
    expect(error).toMatchObject({
      status: 400,
      errorType: "invalid_request_error",
      name: "RequestValidationError",
    });
    expect(error.issues).toEqual([
      { path: "messages.0.content.0.source.data", message: "Field required" },
      { path: "messages.1.role", message: "Input should be 'user', 'assistant' or 'system'" },
      { path: "max_tokens", message: "Input should be a valid integer" },
      { path: "stop_sequences.0", message: "Input should be a valid string" },
      { path: "temperature", message: "Input should be less than or equal to 1" },
      { path: "top_p", message: "Input should be less than or equal to 1" },
      { path: "top_k", message: "Input should be greater than or equal to 0" },
    ]);
    expect(error.message).toBe(
      "messages.0.content.0.source.data: Field required; messages.1.role: Input should be 'user', 'assistant' or 'system'; max_tokens: Input should be a valid integer; stop_sequences.0: Input should be a valid string; temperature: Input should be less than or equal to 1; and 2 more problems",
    );
  });

  it("refuse what is not a JSON object", () => {
    for (const value of [null, [], "hi", 42]) {
      expect(refusal(value).issues).toEqual([
        { path: "", message: "Input should be a valid dictionary (a JSON object)" },
      ]);
    }
  });

  it("refuse a block without a type, with a type that is not a string, or a known type of the wrong shape", () => {
    const error = refusal(
      body({
        messages: [
          {
            role: "user",
            content: [
              { text: "no type" },
              { type: null, text: "The answer is 4." },
              { type: "text" },
              { type: "text", text: 4 },
              { type: "image", source: { type: "url" } },
            ],
          },
        ],
      }),
    );
    expect(error.issues).toEqual([
      { path: "messages.0.content.0.type", message: "Field required" },
      { path: "messages.0.content.1.type", message: "Input should be a valid string" },
      { path: "messages.0.content.2.text", message: "Field required" },
      { path: "messages.0.content.3.text", message: "Input should be a valid string" },
      { path: "messages.0.content.4.source.url", message: "Field required" },
    ]);
  });

  it("refuse a known block where the API does not allow it", () => {
    const error = refusal(
      body({
        system: [{ type: "image", source: { type: "url", url: "https://x/y.png" } }],
        messages: [
          { role: "user", content: [{ type: "tool_use", id: "toolu_1", name: "Read", input: {} }] },
          { role: "assistant", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "x" }] },
          {
            role: "user",
            content: [
              { type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "thinking", thinking: "t" }] },
            ],
          },
        ],
      }),
    );
    expect(error.issues).toEqual([
      { path: "messages.0.content.0.type", message: "tool_use blocks are only valid in assistant messages" },
      { path: "messages.1.content.0.type", message: "tool_result blocks are only valid in user messages" },
      {
        path: "messages.2.content.0.content.0.type",
        message: "thinking blocks are not valid in a tool_result's content",
      },
      {
        path: "system.0.type",
        message: "image blocks are not valid in a system prompt, which takes text blocks only",
      },
    ]);
  });

  it("refuse roles other than user, assistant and system", () => {
    for (const role of ["wizard", "tool", "Human", "constructor", "__proto__", 7]) {
      expect(refusal(body({ messages: [{ role, content: "hi" }] })).issues).toEqual([
        { path: "messages.0.role", message: "Input should be 'user', 'assistant' or 'system'" },
      ]);
    }
  });

  it("refuse an empty conversation, a missing model and thinking budgets below 1,024", () => {
    expect(refusal(body({ messages: [] })).message).toBe("messages: List should have at least 1 item");
    expect(refusal(body({ model: undefined })).message).toBe("model: Field required");
    expect(refusal(body({ model: "" })).message).toBe("model: String should have at least 1 character");
    expect(refusal(body({ thinking: { type: "enabled", budget_tokens: 512 } })).message).toBe(
      "thinking.budget_tokens: Input should be greater than or equal to 1024",
    );
    expect(refusal(body({ thinking: { type: "sometimes" } })).message).toBe(
      "thinking.type: Input should be 'enabled', 'disabled', 'adaptive' or 'between_tools'",
    );
  });
});

describe("numbers as the API documents them", () => {
  it("accept the edges of each range", () => {
    for (const fields of [
      { temperature: 0, top_p: 1, top_k: 0, max_tokens: 0 },
      { temperature: 1, top_p: 0, top_k: 500, max_tokens: 128_000 },
      { thinking: { type: "enabled", budget_tokens: 1024 }, max_tokens: 2048 },
    ])
      expect(() => decodeAnthropicRequest(body(fields))).not.toThrow();
  });

  it("refuse values past them, and numbers that JSON turned into Infinity", () => {
    for (const [fields, path] of [
      [{ temperature: -0.1 }, "temperature"],
      [{ top_p: 1.01 }, "top_p"],
      [{ top_k: 1.5 }, "top_k"],
      [{ max_tokens: -1 }, "max_tokens"],
      [{ max_tokens: JSON.parse("1e400") }, "max_tokens"],
      [{ temperature: "0.5" }, "temperature"],
    ] as const)
      expect(refusal(body(fields)).issues.map((issue) => issue.path)).toEqual([path]);
  });
});

describe("tools", () => {
  const read = { name: "Read", description: "Read a file", input_schema: { type: "object", properties: {} } };

  it("accept custom tools and hosted tools of any versioned type", () => {
    const decoded = decodeAnthropicRequest(
      body({
        tools: [
          read,
          { type: "custom", ...read, name: "Read2" },
          { type: "web_search_20250305", name: "web_search", max_uses: 5 },
          { type: "bash_20250124", name: "bash" },
          { type: "text_editor_20250728", name: "str_replace_based_edit_tool" },
          { type: "computer_20250124", name: "computer", display_width_px: 1024, display_height_px: 768 },
          { type: "web_fetch_20990101", name: "web_fetch" },
        ],
        tool_choice: { type: "tool", name: "web_search", disable_parallel_tool_use: true },
      }),
    );
    expect(decoded.request.tools).toHaveLength(7);
    expect(refusal(body({ tools: [{ type: "computer_toolset_20260801" }] })).message).toBe(
      "tools.0.name: Field required",
    );
  });

  it("refuse a custom tool without a name or an object input_schema, and tools that are not objects", () => {
    expect(
      refusal(
        body({
          tools: [42, { input_schema: { type: "object" } }, { name: "a" }, { name: "b", input_schema: {} }],
        }),
      ).issues,
    ).toEqual([
      { path: "tools.0", message: "Input should be a valid dictionary" },
      { path: "tools.1.name", message: "Field required" },
      { path: "tools.2.input_schema", message: "Field required" },
      { path: "tools.3.input_schema.type", message: "Field required" },
    ]);
    expect(refusal(body({ tools: 42 })).message).toBe("tools: Input should be a valid list");
  });

  it("refuse duplicate names and a tool_choice naming no tool of the request", () => {
    expect(refusal(body({ tools: [read, read] })).message).toBe(
      'tools.1.name: Tool names must be unique: "Read" is also the name of tools.0',
    );
    expect(refusal(body({ tools: [read], tool_choice: { type: "tool", name: "Write" } })).message).toBe(
      'tool_choice.name: No tool named "Write" is defined in tools',
    );
    expect(refusal(body({ tool_choice: { type: "tool", name: "Write" } })).message).toBe(
      'tool_choice.name: No tool named "Write" is defined in tools',
    );
    expect(refusal(body({ tool_choice: { type: "maybe" } })).message).toBe(
      "tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'",
    );
  });
});

describe("forward compatibility", () => {
  const hologram = { type: "hologram", payload: "MARKER", nested: { deep: [1, 2] } };

  it("accepts blocks of unknown types anywhere blocks go, keeps them intact and reports them", () => {
    const request = body({
      system: [
        { type: "text", text: "sys" },
        { ...hologram, type: "aura" },
      ],
      messages: [
        { role: "user", content: [hologram, { type: "text", text: "hi" }] },
        {
          role: "assistant",
          content: [{ type: "tool_use", id: "toolu_1", name: "Read", input: {} }, hologram],
        },
        {
          role: "user",
          content: [{ type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "sparkle", data: 1 }] }],
        },
        { role: "system", content: [{ type: "glimmer" }] },
      ],
    });
    const decoded = decodeAnthropicRequest(request);
    expect(decoded.request).toBe(request);
    expect(decoded.unknownBlockTypes).toEqual(["aura", "hologram", "sparkle", "glimmer"]);
  });

  it("accepts unknown top-level fields, keeps them and reports them", () => {
    const request = body({ betas: ["x"], speed: "fast", future_field: { a: 1 } });
    const decoded = decodeAnthropicRequest(request);
    expect(decoded.request).toBe(request);
    expect(decoded.unknownFields).toEqual(["betas", "future_field"]);
  });

  it("keeps prototype-named keys as plain data, never as prototypes", () => {
    const request = JSON.parse(
      '{"model":"m","max_tokens":1,"__proto__":{"polluted":true},"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"Run","input":{"__proto__":{"x":1},"constructor":"c"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"ok"},{"type":"__proto__","constructor":{"prototype":1}}]}]}',
    );
    const decoded = decodeAnthropicRequest(request);
    expect(decoded.unknownFields).toEqual(["__proto__"]);
    expect(decoded.unknownBlockTypes).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(decoded.request)).toBe(JSON.stringify(request));
  });
});

describe("count_tokens", () => {
  it("needs no max_tokens, and reports generation fields as unknown", () => {
    const request = { model: "m", messages: [{ role: "user", content: "hi" }], max_tokens: 10, stream: true };
    const decoded = decodeAnthropicRequest(request, { countTokens: true });
    expect(decoded.unknownFields).toEqual(["max_tokens", "stream"]);
    expect(() =>
      decodeAnthropicRequest(
        { model: "m", messages: [{ role: "user", content: "hi" }] },
        { countTokens: true },
      ),
    ).not.toThrow();
    expect(refusal({ model: "m", messages: [{ role: "user", content: "hi" }] }).message).toBe(
      "max_tokens: Field required",
    );
  });
});
