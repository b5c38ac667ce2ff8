import { describe, expect, it } from "vitest";
import { buildClaudeCodeRequest } from "../__fixtures__/build-claude-code-request.js";
import { TranslationError } from "../errors/translation-error.js";
import type { AnthropicMessagesRequest } from "../types/anthropic.js";
import type { OpenAIFunctionTool, OpenAITool } from "../types/openai.js";
import { anthropicToOpenAIRequest } from "./anthropic-to-openai-request.js";

const LONG_TOOL = "mcp__github__search_repositories_with_a_very_long_descriptive_name_for_testing";

function request(overrides: Partial<AnthropicMessagesRequest>): AnthropicMessagesRequest {
  return {
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    messages: [{ role: "user", content: "hi" }],
    ...overrides,
  };
}

function body(
  overrides: Partial<AnthropicMessagesRequest>,
  options?: Parameters<typeof anthropicToOpenAIRequest>[1],
) {
  return anthropicToOpenAIRequest(request(overrides), options).body;
}

function translationError(fn: () => unknown): TranslationError {
  try {
    fn();
  } catch (error) {
    if (TranslationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a TranslationError");
}

describe("system prompt", () => {
  it("turns a string system prompt into one system message", () => {
    expect(body({ system: "You are Claude Code." }).messages[0]).toEqual({
      role: "system",
      content: "You are Claude Code.",
    });
  });

  it("joins cache-controlled system blocks into one system message without cache_control", () => {
    const { messages } = body({
      system: [
        { type: "text", text: "You are Claude Code, Anthropic's official CLI for Claude." },
        { type: "text", text: "Use the tools available.", cache_control: { type: "ephemeral" } },
      ],
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        {
          "content": "You are Claude Code, Anthropic's official CLI for Claude.

      Use the tools available.",
          "role": "system",
        },
        {
          "content": "hi",
          "role": "user",
        },
      ]
    `);
  });

  it("keeps system messages found in the middle of messages in place", () => {
    const { messages } = body({
      messages: [
        { role: "user", content: "first" },
        { role: "assistant", content: "ok" },
        { role: "system", content: [{ type: "text", text: "<system-reminder>plan mode</system-reminder>" }] },
        { role: "user", content: "second" },
      ],
    });
    expect(messages.map((message) => [message.role, message.content])).toEqual([
      ["user", "first"],
      ["assistant", "ok"],
      ["system", "<system-reminder>plan mode</system-reminder>"],
      ["user", "second"],
    ]);
  });
});

describe("user content", () => {
  it("keeps a single text block as a string and several blocks as parts", () => {
    expect(body({ messages: [{ role: "user", content: [{ type: "text", text: "one" }] }] }).messages).toEqual(
      [{ role: "user", content: "one" }],
    );
    const { messages } = body({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "<system-reminder>context</system-reminder>" },
            { type: "text", text: "fix the bug", cache_control: { type: "ephemeral" } },
          ],
        },
      ],
    });
    expect(messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "<system-reminder>context</system-reminder>" },
          { type: "text", text: "fix the bug" },
        ],
      },
    ]);
  });

  it("sends base64 images as data URLs and URL images as URLs", () => {
    const { messages } = body({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "compare" },
            { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
            { type: "image", source: { type: "url", url: "https://example.com/a.jpg" } },
          ],
        },
      ],
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        {
          "content": [
            {
              "text": "compare",
              "type": "text",
            },
            {
              "image_url": {
                "url": "data:image/png;base64,iVBORw0KGgo=",
              },
              "type": "image_url",
            },
            {
              "image_url": {
                "url": "https://example.com/a.jpg",
              },
              "type": "image_url",
            },
          ],
          "role": "user",
        },
      ]
    `);
  });

  it("inlines plain-text documents and rejects others with a 400 naming the block", () => {
    const { messages } = body({
      messages: [
        {
          role: "user",
          content: [
            {
              type: "document",
              source: { type: "text", media_type: "text/plain", data: "line 1" },
              title: "notes.txt",
            },
            { type: "text", text: "summarize" },
          ],
        },
      ],
    });
    expect(messages[0]?.content).toEqual([
      { type: "text", text: "notes.txt\n\nline 1" },
      { type: "text", text: "summarize" },
    ]);

    const error = translationError(() =>
      body({
        messages: [
          { role: "user", content: "a" },
          { role: "assistant", content: "b" },
          { role: "user", content: "c" },
          {
            role: "user",
            content: [
              { type: "text", text: "read this" },
              {
                type: "document",
                source: { type: "base64", media_type: "application/pdf", data: "JVBERi0=" },
              },
            ],
          },
        ],
      }),
    );
    expect(error.status).toBe(400);
    expect(error.errorType).toBe("invalid_request_error");
    expect(error.path).toBe("messages[3].content[1]");
    expect(error.message).toMatch(
      /^messages\[3\]\.content\[1\]: document blocks cannot be sent to an OpenAI-compatible provider/,
    );
  });

  it("rejects images it cannot express", () => {
    const error = translationError(() =>
      body({
        messages: [
          { role: "user", content: [{ type: "image", source: { type: "file", file_id: "file_1" } }] },
        ],
      }),
    );
    expect(error.message).toMatch(/^messages\[0\]\.content\[0\]: image blocks with source type "file"/);
  });
});

describe("tool use and tool results", () => {
  it("puts one tool message per tool_use_id before the rest of the user turn", () => {
    const { messages } = body({
      messages: [
        {
          role: "assistant",
          content: [
            { type: "text", text: "Reading both." },
            { type: "tool_use", id: "toolu_01A", name: "Read", input: { file_path: "/a.ts" } },
            { type: "tool_use", id: "toolu_01B", name: "Bash", input: { command: "ls" } },
          ],
        },
        {
          role: "user",
          content: [
            { type: "text", text: "<system-reminder>todo list changed</system-reminder>" },
            { type: "tool_result", tool_use_id: "toolu_01A", content: "export const a = 1;" },
            {
              type: "tool_result",
              tool_use_id: "toolu_01B",
              content: [
                { type: "text", text: "a.ts" },
                { type: "text", text: "b.ts" },
              ],
            },
          ],
        },
      ],
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        {
          "content": "Reading both.",
          "role": "assistant",
          "tool_calls": [
            {
              "function": {
                "arguments": "{"file_path":"/a.ts"}",
                "name": "Read",
              },
              "id": "toolu_01A",
              "type": "function",
            },
            {
              "function": {
                "arguments": "{"command":"ls"}",
                "name": "Bash",
              },
              "id": "toolu_01B",
              "type": "function",
            },
          ],
        },
        {
          "content": "export const a = 1;",
          "role": "tool",
          "tool_call_id": "toolu_01A",
        },
        {
          "content": "a.ts
      b.ts",
          "role": "tool",
          "tool_call_id": "toolu_01B",
        },
        {
          "content": "<system-reminder>todo list changed</system-reminder>",
          "role": "user",
        },
      ]
    `);
  });

  it("handles missing content, errors and repeated ids", () => {
    const { messages } = body({
      messages: [
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "toolu_1" },
            {
              type: "tool_result",
              tool_use_id: "toolu_2",
              content: "command not found: pnpx",
              is_error: true,
            },
            { type: "tool_result", tool_use_id: "toolu_3", is_error: true },
            { type: "tool_result", tool_use_id: "toolu_1", content: "more" },
          ],
        },
      ],
    });
    expect(messages).toEqual([
      { role: "tool", tool_call_id: "toolu_1", content: "more" },
      { role: "tool", tool_call_id: "toolu_2", content: "[tool error] command not found: pnpx" },
      { role: "tool", tool_call_id: "toolu_3", content: "[tool error]" },
    ]);
  });

  it("moves tool-result images into a user message after the tool messages, saying so", () => {
    const { messages } = body({
      messages: [
        {
          role: "user",
          content: [
            {
              type: "tool_result",
              tool_use_id: "toolu_shot",
              content: [
                { type: "text", text: "Screenshot taken" },
                { type: "image", source: { type: "base64", media_type: "image/jpeg", data: "/9j/4AAQ" } },
              ],
            },
            { type: "text", text: "does it look right?" },
          ],
        },
      ],
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        {
          "content": "Screenshot taken
      (1 image from this tool result follows in the next user message)",
          "role": "tool",
          "tool_call_id": "toolu_shot",
        },
        {
          "content": [
            {
              "text": "Image returned by tool call toolu_shot:",
              "type": "text",
            },
            {
              "image_url": {
                "url": "data:image/jpeg;base64,/9j/4AAQ",
              },
              "type": "image_url",
            },
            {
              "text": "does it look right?",
              "type": "text",
            },
          ],
          "role": "user",
        },
      ]
    `);
  });

  it("normalizes tool ids the same way on tool_use and tool_result so pairs still match", () => {
    const { messages } = body({
      messages: [
        {
          role: "assistant",
          content: [{ type: "tool_use", id: "functions.Bash:0", name: "Bash", input: {} }],
        },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "functions.Bash:0", content: "ok" }] },
      ],
    });
    const call = messages[0] as { tool_calls: Array<{ id: string }> };
    const result = messages[1] as { tool_call_id: string };
    expect(call.tool_calls[0]?.id).toMatch(/^[a-zA-Z0-9_-]+$/);
    expect(result.tool_call_id).toBe(call.tool_calls[0]?.id);
  });

  it("drops thinking by default and sends it back as reasoning_content when asked", () => {
    const messages = [
      { role: "user" as const, content: "2+2?" },
      {
        role: "assistant" as const,
        content: [
          { type: "thinking" as const, thinking: "simple sum", signature: "sig" },
          { type: "redacted_thinking" as const, data: "abc" },
          { type: "text" as const, text: "4" },
        ],
      },
      { role: "user" as const, content: "and 3+3?" },
    ];
    expect(body({ messages }).messages[1]).toEqual({ role: "assistant", content: "4" });
    expect(body({ messages }, { reasoning: "reasoning_content" }).messages[1]).toEqual({
      role: "assistant",
      content: "4",
      reasoning_content: "simple sum",
    });
  });

  it("renders hosted-tool history as text instead of failing mid-conversation", () => {
    const { messages } = body({
      messages: [
        {
          role: "assistant",
          content: [
            { type: "server_tool_use", id: "srvtoolu_1", name: "web_search", input: { query: "vitest 3" } },
            {
              type: "web_search_tool_result",
              tool_use_id: "srvtoolu_1",
              content: [
                {
                  type: "web_search_result",
                  url: "https://vitest.dev",
                  title: "Vitest",
                  encrypted_content: "x",
                },
              ],
            },
            { type: "text", text: "Vitest 3 is out." },
          ],
        },
      ],
    });
    expect(messages[0]).toEqual({
      role: "assistant",
      content:
        '[web_search {"query":"vitest 3"}]\n[web_search_tool_result]\n- Vitest (https://vitest.dev)\nVitest 3 is out.',
    });
  });
});

describe("tools", () => {
  const tools: AnthropicMessagesRequest["tools"] = [
    {
      name: "Read",
      description: "Reads a file",
      input_schema: {
        type: "object",
        properties: { file_path: { type: "string" } },
        required: ["file_path"],
      },
      cache_control: { type: "ephemeral" },
    },
    { name: LONG_TOOL, description: "Search GitHub", input_schema: { type: "object", properties: {} } },
    { type: "web_search_20250305", name: "web_search", max_uses: 5 },
  ];

  it("maps custom tools to functions, shortens long names and drops hosted tools", () => {
    const { body: out, context } = anthropicToOpenAIRequest(request({ tools }));
    expect(out.tools).toMatchInlineSnapshot(`
      [
        {
          "function": {
            "description": "Reads a file",
            "name": "Read",
            "parameters": {
              "properties": {
                "file_path": {
                  "type": "string",
                },
              },
              "required": [
                "file_path",
              ],
              "type": "object",
            },
          },
          "type": "function",
        },
        {
          "function": {
            "description": "Search GitHub",
            "name": "mcp__github__search_repositories_with_a_very_long_descr_dkhpgbzm",
            "parameters": {
              "properties": {},
              "type": "object",
            },
          },
          "type": "function",
        },
      ]
    `);
    expect(context.toolNames).toEqual({
      mcp__github__search_repositories_with_a_very_long_descr_dkhpgbzm: LONG_TOOL,
    });
    expect(context.droppedTools).toEqual(["web_search"]);
  });

  it("shortens long names in history the same way as in the tool list", () => {
    const { body: out } = anthropicToOpenAIRequest(
      request({
        tools,
        messages: [
          {
            role: "assistant",
            content: [{ type: "tool_use", id: "toolu_9", name: LONG_TOOL, input: { q: "x" } }],
          },
        ],
      }),
    );
    const call = (out.messages[0] as { tool_calls: Array<{ function: { name: string } }> }).tool_calls[0];
    expect(call?.function.name).toBe("mcp__github__search_repositories_with_a_very_long_descr_dkhpgbzm");
  });

  it.each([
    [{ type: "auto" as const }, { tool_choice: "auto" }],
    [{ type: "any" as const }, { tool_choice: "required" }],
    [{ type: "none" as const }, { tool_choice: "none" }],
    [
      { type: "tool" as const, name: "Read" },
      { tool_choice: { type: "function", function: { name: "Read" } } },
    ],
    [
      { type: "auto" as const, disable_parallel_tool_use: true },
      { tool_choice: "auto", parallel_tool_calls: false },
    ],
    [{ type: "tool" as const, name: "web_search" }, {}],
  ])("maps tool_choice %j", (toolChoice, expected) => {
    const out = body({ tools, tool_choice: toolChoice });
    expect({ tool_choice: out.tool_choice, parallel_tool_calls: out.parallel_tool_calls }).toEqual({
      tool_choice: undefined,
      parallel_tool_calls: undefined,
      ...expected,
    });
  });

  it("sends neither tools nor tool_choice when every tool is hosted", () => {
    const out = body({
      tools: [{ type: "web_search_20250305", name: "web_search" }],
      tool_choice: { type: "auto" },
    });
    expect(out).not.toHaveProperty("tools");
    expect(out).not.toHaveProperty("tool_choice");
  });
});

describe("system messages between a tool call and its result", () => {
  it("go after the tool messages, which must follow the tool calls", () => {
    const { messages } = body({
      messages: [
        { role: "user", content: "list" },
        {
          role: "assistant",
          content: [{ type: "tool_use", id: "toolu_1", name: "Bash", input: { command: "ls" } }],
        },
        { role: "system", content: "<system-reminder>files changed</system-reminder>" },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "toolu_1", content: "a.ts" },
            { type: "text", text: "and now?" },
          ],
        },
      ],
    });
    expect(messages.map((message) => message.role)).toEqual(["user", "assistant", "tool", "system", "user"]);
  });
});

describe("deferred tools (ToolSearch)", () => {
  const functionName = (tool: OpenAITool) => (tool as OpenAIFunctionTool).function.name;
  const deferred = (name: string) => ({
    name,
    description: `${name} tool`,
    input_schema: { type: "object", properties: {} },
    defer_loading: true,
  });
  const tools: AnthropicMessagesRequest["tools"] = [
    { name: "ToolSearch", input_schema: { type: "object", properties: { query: { type: "string" } } } },
    deferred("DeferredToolPlaceholder"),
    deferred("WebFetch"),
    deferred("CronList"),
  ];

  it("offers a deferred tool only after a ToolSearch result loaded it, and says so in the tool message", () => {
    const before = body({ tools });
    expect(before.tools?.map(functionName)).toEqual(["ToolSearch"]);

    const out = body({
      tools,
      messages: [
        { role: "user", content: "fetch the docs" },
        {
          role: "assistant",
          content: [
            { type: "tool_use", id: "toolu_1", name: "ToolSearch", input: { query: "select:WebFetch" } },
          ],
        },
        {
          role: "user",
          content: [
            {
              type: "tool_result",
              tool_use_id: "toolu_1",
              content: [{ type: "tool_reference", tool_name: "WebFetch" }],
            },
          ],
        },
      ],
    });
    expect(out.tools?.map(functionName)).toEqual(["ToolSearch", "WebFetch"]);
    expect(out.tools?.[1]).toEqual({
      type: "function",
      function: {
        name: "WebFetch",
        description: "WebFetch tool",
        parameters: { type: "object", properties: {} },
      },
    });
    expect(out.messages[2]).toEqual({
      role: "tool",
      tool_call_id: "toolu_1",
      content: "Tool WebFetch loaded: it can be called now.",
    });
  });

  it("offers every deferred tool when the search was Anthropic's hosted tool search", () => {
    const out = body({
      tools: [...(tools ?? []), { type: "tool_search_tool_regex_20251119", name: "tool_search" }],
    });
    expect(out.tools?.map(functionName)).toEqual([
      "ToolSearch",
      "DeferredToolPlaceholder",
      "WebFetch",
      "CronList",
    ]);
  });

  it("offers a deferred tool the client forces with tool_choice", () => {
    const out = body({ tools, tool_choice: { type: "tool", name: "CronList" } });
    expect(out.tools?.map(functionName)).toEqual(["ToolSearch", "CronList"]);
    expect(out.tool_choice).toEqual({ type: "function", function: { name: "CronList" } });
  });
});

describe("metadata.user_id", () => {
  it("is sent as `user` when it fits OpenAI's 64 characters", () => {
    expect(body({ metadata: { user_id: "user_abc" } }).user).toBe("user_abc");
  });

  it("becomes a stable digest when longer, as Claude Code's JSON user id is", () => {
    const long = JSON.stringify({ device_id: "d".repeat(64), account_uuid: "", session_id: "s-1" });
    const user = body({ metadata: { user_id: long } }).user;
    expect(user).toMatch(/^user_[0-9a-z]{22}$/);
    expect(body({ metadata: { user_id: long } }).user).toBe(user);
    expect(body({ metadata: { user_id: long.replace("s-1", "s-2") } }).user).not.toBe(user);
  });
});

describe("parameters", () => {
  it("maps sampling, limits, stop sequences and user, and strips Anthropic-only fields", () => {
    const out = body({
      max_tokens: 32000,
      temperature: 1,
      top_p: 0.95,
      top_k: 40,
      stop_sequences: ["</answer>"],
      stream: true,
      metadata: { user_id: "user_abc_account__session_123" },
      thinking: { type: "enabled", budget_tokens: 31999 },
      context_management: { edits: [{ type: "clear_tool_uses_20250919" }] },
      output_config: { effort: "medium" },
      service_tier: "auto",
    });
    expect(out).toMatchInlineSnapshot(`
      {
        "max_tokens": 32000,
        "messages": [
          {
            "content": "hi",
            "role": "user",
          },
        ],
        "model": "claude-sonnet-4-5",
        "stop": [
          "</answer>",
        ],
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
        "temperature": 1,
        "top_p": 0.95,
        "user": "user_abc_account__session_123",
      }
    `);
  });

  it("uses the upstream model name and max_completion_tokens when asked", () => {
    const out = body({}, { model: "o4-mini", maxTokensField: "max_completion_tokens" });
    expect(out.model).toBe("o4-mini");
    expect(out.max_completion_tokens).toBe(1024);
    expect(out).not.toHaveProperty("max_tokens");
  });

  it("records the requested model and stream flag in the context", () => {
    const { context } = anthropicToOpenAIRequest(request({ stream: true }), { model: "deepseek-chat" });
    expect(context).toEqual({
      requestedModel: "claude-sonnet-4-5",
      toolNames: {},
      droppedTools: [],
      stream: true,
    });
  });

  it.each([
    [{ thinking: { type: "enabled", budget_tokens: 4000 } }, "low"],
    [{ thinking: { type: "enabled", budget_tokens: 10000 } }, "medium"],
    [{ thinking: { type: "enabled", budget_tokens: 31999 } }, "high"],
    [{ thinking: { type: "adaptive" } }, "high"],
    [{ thinking: { type: "adaptive" }, output_config: { effort: "low" } }, "low"],
    [{ output_config: { effort: "max" } }, "high"],
    [{ thinking: { type: "disabled" }, output_config: { effort: "high" } }, undefined],
    [{}, undefined],
  ] as Array<[Partial<AnthropicMessagesRequest>, string | undefined]>)(
    "maps %j to reasoning_effort %s only when enabled",
    (overrides, effort) => {
      expect(body(overrides, { reasoningEffort: true }).reasoning_effort).toBe(effort);
      expect(body(overrides)).not.toHaveProperty("reasoning_effort");
    },
  );
});

describe("a full Claude Code request", () => {
  const original = buildClaudeCodeRequest();
  const { body: out, context } = anthropicToOpenAIRequest(structuredClone(original), {
    reasoningEffort: true,
  });

  it("is the size the benchmark claims", () => {
    expect(JSON.stringify(original).length).toBeGreaterThan(80_000);
  });

  it("answers every tool call with a tool message right after it", () => {
    out.messages.forEach((message, index) => {
      if (message.role !== "tool") return;
      const owner = out.messages
        .slice(0, index)
        .reverse()
        .find((previous) => previous.role === "assistant");
      expect((owner as { tool_calls?: Array<{ id: string }> }).tool_calls?.map((call) => call.id)).toContain(
        message.tool_call_id,
      );
    });
  });

  it("keeps no Anthropic-only field and respects the upstream's limits", () => {
    const json = JSON.stringify(out);
    for (const field of [
      "cache_control",
      "context_management",
      "thinking",
      "signature",
      "input_schema",
      "metadata",
    ]) {
      expect(json).not.toContain(`"${field}"`);
    }
    for (const tool of out.tools ?? []) {
      expect((tool as { function: { name: string } }).function.name.length).toBeLessThanOrEqual(64);
    }
    expect(context.droppedTools).toEqual(["web_search"]);
    expect(out.reasoning_effort).toBe("high");
  });

  it("does not modify the request it translates", () => {
    const input = buildClaudeCodeRequest();
    anthropicToOpenAIRequest(input);
    expect(input).toEqual(original);
  });
});
