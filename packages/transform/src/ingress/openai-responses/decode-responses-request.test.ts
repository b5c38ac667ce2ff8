import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TranslationError } from "../../errors/translation-error.js";
import type { AnthropicCustomTool } from "../../types/anthropic.js";
import { decodeResponsesRequest } from "./decode-responses-request.js";

/** A second-turn request of Codex CLI 0.171 (`codex exec`), recorded: developer prompt, a shell call and its output. */
const codexRequest = JSON.parse(
  readFileSync(new URL("../../__fixtures__/codex-exec-request.json", import.meta.url), "utf8"),
) as Record<string, unknown>;

function refusal(body: unknown): { path: string | undefined; message: string } {
  try {
    decodeResponsesRequest(body);
  } catch (error) {
    if (TranslationError.isInstance(error)) return { path: error.path, message: error.message };
    throw error;
  }
  throw new Error("expected the body to be refused");
}

const user = (text: string) => ({ type: "message", role: "user", content: [{ type: "input_text", text }] });

describe("decodeResponsesRequest", () => {
  it("decodes what Codex CLI sends: developer prompt to system, the shell call and its output, tools by name", () => {
    const { request, droppedTools } = decodeResponsesRequest(codexRequest);
    expect(request.model).toBe("test-model");
    expect(request.stream).toBe(true);
    expect(request.max_tokens).toBe(8192);
    expect(request.system).toMatch(/^You are a coding agent running in the Codex CLI/);
    expect(request.system).toContain("<skills_instructions>");
    expect(request.messages).toHaveLength(3);
    const [first, call, result] = request.messages;
    expect(first?.role).toBe("user");
    expect(JSON.stringify(first?.content)).toContain("read the marker");
    expect(call).toEqual({
      role: "assistant",
      content: [{ type: "tool_use", id: "call_abc", name: "exec_command", input: { cmd: "cat marker.txt" } }],
    });
    expect(result).toMatchObject({
      role: "user",
      content: [
        {
          type: "tool_result",
          tool_use_id: "call_abc",
          content: expect.stringContaining("marker-content-42"),
        },
      ],
    });
    const names = (request.tools as AnthropicCustomTool[]).map((tool) => tool.name);
    expect(names).toContain("exec_command");
    expect(names).toContain("multi_agent_v1__spawn_agent");
    expect(names.every((name) => /^[a-zA-Z0-9_-]{1,64}$/.test(name))).toBe(true);
    expect(droppedTools).toEqual(["web_search"]);
    expect(request.tool_choice).toEqual({ type: "auto" });
    // `reasoning: {summary: "auto"}` without an effort asks for no thinking budget.
    expect(request.thinking).toBeUndefined();
  });

  it("answers a namespace tool call with its namespace and name, and a custom tool call as custom_tool_call", () => {
    const { ingress } = decodeResponsesRequest({
      model: "m",
      input: "go",
      tools: [
        {
          type: "namespace",
          name: "multi_agent_v1",
          description: "Sub-agents",
          tools: [{ type: "function", name: "spawn_agent", parameters: { type: "object" } }],
        },
        {
          type: "custom",
          name: "apply_patch",
          description: "Edit files",
          format: { type: "grammar", syntax: "lark", definition: "start: patch" },
        },
      ],
    });
    const answer = ingress.message({
      id: "msg_abc",
      type: "message",
      role: "assistant",
      model: "m",
      content: [
        { type: "tool_use", id: "call_1", name: "multi_agent_v1__spawn_agent", input: { task: "x" } },
        { type: "tool_use", id: "call_2", name: "apply_patch", input: { input: "*** Begin Patch" } },
      ],
      stop_reason: "tool_use",
      stop_sequence: null,
      usage: { input_tokens: 5, output_tokens: 3 },
    });
    expect(answer.output).toEqual([
      {
        id: "fc_abc_0",
        type: "function_call",
        status: "completed",
        call_id: "call_1",
        name: "spawn_agent",
        namespace: "multi_agent_v1",
        arguments: '{"task":"x"}',
      },
      {
        id: "ctc_abc_1",
        type: "custom_tool_call",
        call_id: "call_2",
        name: "apply_patch",
        input: "*** Begin Patch",
      },
    ]);
  });

  it("sends a custom tool upstream as a function of one string that carries the grammar, and its calls back", () => {
    const { request } = decodeResponsesRequest({
      model: "m",
      tools: [
        {
          type: "custom",
          name: "apply_patch",
          format: { type: "grammar", syntax: "lark", definition: "start: x" },
        },
      ],
      input: [
        user("patch it"),
        { type: "custom_tool_call", call_id: "c1", name: "apply_patch", input: "*** Begin Patch" },
        { type: "custom_tool_call_output", call_id: "c1", output: "Done!" },
      ],
    });
    expect(request.tools).toEqual([
      {
        name: "apply_patch",
        input_schema: {
          type: "object",
          properties: {
            input: {
              type: "string",
              description: "The tool's whole input as one string, written in this lark grammar:\nstart: x",
            },
          },
          required: ["input"],
          additionalProperties: false,
        },
      },
    ]);
    expect(request.messages.slice(1)).toEqual([
      {
        role: "assistant",
        content: [{ type: "tool_use", id: "c1", name: "apply_patch", input: { input: "*** Begin Patch" } }],
      },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "c1", content: "Done!" }] },
    ]);
  });

  it("takes instructions, images, tool outputs with images, reasoning effort and JSON output", () => {
    const { request, ingress } = decodeResponsesRequest({
      model: "m",
      instructions: "Be brief.",
      reasoning: { effort: "high", summary: "auto" },
      max_output_tokens: 20000,
      text: { format: { type: "json_object" } },
      input: [
        { role: "developer", content: "Use tools." },
        {
          role: "user",
          content: [
            { type: "input_text", text: "What is this?" },
            { type: "input_image", image_url: "data:image/png;base64,iVBORw0KGgo=" },
          ],
        },
        { type: "function_call", call_id: "c1", name: "view_image", arguments: '{"path":"a.png"}' },
        {
          type: "function_call_output",
          call_id: "c1",
          output: [{ type: "input_image", image_url: "https://example.com/a.png" }],
        },
        { type: "reasoning", id: "rs_1", summary: [], encrypted_content: "gAAAA" },
        { role: "assistant", content: [{ type: "output_text", text: "A logo." }] },
      ],
    });
    expect(request.system).toBe(
      "Be brief.\n\nUse tools.\n\nAnswer with a single valid JSON object and nothing else: no prose before or after it, no code fences.",
    );
    expect(request.thinking).toEqual({ type: "enabled", budget_tokens: 16384 });
    expect(request.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "What is this?" },
          { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
        ],
      },
      {
        role: "assistant",
        content: [{ type: "tool_use", id: "c1", name: "view_image", input: { path: "a.png" } }],
      },
      {
        role: "user",
        content: [
          {
            type: "tool_result",
            tool_use_id: "c1",
            content: [{ type: "image", source: { type: "url", url: "https://example.com/a.png" } }],
          },
        ],
      },
      { role: "assistant", content: "A logo." },
    ]);
    expect(ingress.protocol).toBe("openai-responses");
  });

  it.each([
    [
      { model: "m", input: "x", previous_response_id: "resp_1" },
      "previous_response_id",
      "CCR keeps no responses",
    ],
    [{ model: "m", input: "x", background: true }, "background", "stored responses"],
    [{ model: "m", input: [{ type: "item_reference", id: "msg_1" }] }, "input[0].type", "item type must be"],
    [
      { model: "m", input: [{ role: "user", content: [{ type: "input_image", file_id: "file-1" }] }] },
      "input[0].content[0].file_id",
      "CCR keeps no uploaded files",
    ],
    [{ model: "m", input: [{ role: "robot", content: "x" }] }, "input[0].role", "role must be"],
    [
      { model: "m", input: [{ type: "function_call", call_id: "c", name: "f" }] },
      "input[0].arguments",
      "is required",
    ],
    [
      { model: "m", input: [{ type: "function_call_output", call_id: "c", output: 42 }] },
      "input[0].output",
      "output must be",
    ],
    [
      { model: "m", input: "x", tools: [{ type: "function", parameters: {} }] },
      "tools[0].name",
      "is required",
    ],
    [
      { model: "m", input: "x", tools: [{ type: "namespace", name: "n", tools: [{ type: "web_search" }] }] },
      "tools[0].tools[0].type",
      "namespace tools are of type",
    ],
    [
      { model: "m", input: "x", reasoning: { effort: "max" } },
      "reasoning.effort",
      "reasoning.effort must be",
    ],
    [{ model: "m", input: [] }, "input", "needs at least one user message"],
    [{ input: "x" }, "model", "is required"],
  ])("refuses %j at %s", (body, path, message) => {
    const refused = refusal(body);
    expect(refused.path).toBe(path);
    expect(refused.message).toContain(message);
  });
});
