import type { AnthropicMessageParam, AnthropicMessagesRequest, AnthropicTool } from "../types/anthropic.js";

/**
 * A request shaped like the ones Claude Code sends mid-session: a long
 * system prompt in cache-controlled blocks, two dozen tool schemas (some
 * with MCP-length names), and several turns of tool_use / tool_result with
 * a system reminder in between. About 80 KB of JSON.
 */
export function buildClaudeCodeRequest(turns = 8): AnthropicMessagesRequest {
  const paragraph =
    "You are an interactive CLI tool that helps users with software engineering tasks. Use the instructions below and the tools available to you to assist the user. ";
  const system = [
    { type: "text" as const, text: "You are Claude Code, Anthropic's official CLI for Claude." },
    { type: "text" as const, text: paragraph.repeat(150), cache_control: { type: "ephemeral" as const } },
  ];

  const tools: AnthropicTool[] = Array.from({ length: 24 }, (_, index) => ({
    name: index % 6 === 5 ? `mcp__workspace_server__tool_number_${index}_with_a_long_descriptive_suffix_name` : `Tool${index}`,
    description: `Tool ${index}. ${"Performs a careful operation on the workspace and reports the result. ".repeat(12)}`,
    input_schema: {
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "object",
      additionalProperties: false,
      required: ["path"],
      properties: {
        path: { type: "string", description: "The absolute path to operate on" },
        pattern: { type: "string", description: "A glob or regular expression" },
        limit: { type: "number", description: "Maximum number of results" },
        options: {
          type: "object",
          properties: { recursive: { type: "boolean" }, encoding: { type: "string", enum: ["utf8", "base64"] } },
        },
      },
    },
  }));
  tools.push({ type: "web_search_20250305", name: "web_search", max_uses: 5 });

  const messages: AnthropicMessageParam[] = [
    {
      role: "user",
      content: [
        { type: "text", text: `<system-reminder>${"As you answer the user's questions, you can use the following context. ".repeat(20)}</system-reminder>` },
        { type: "text", text: "Refactor the request handler so errors are typed, and run the tests." },
      ],
    },
  ];
  for (let turn = 0; turn < turns; turn++) {
    messages.push({
      role: "assistant",
      content: [
        { type: "thinking", thinking: `Turn ${turn}: I should inspect the next file before editing.`, signature: "EqoBCkgIBxABGAIiQ".repeat(4) },
        { type: "text", text: `Reading file ${turn} and searching for usages.` },
        { type: "tool_use", id: `toolu_01Turn${turn}Read`, name: "Tool1", input: { path: `/work/app/src/handler-${turn}.ts` } },
        { type: "tool_use", id: `toolu_01Turn${turn}Grep`, name: "Tool2", input: { path: "/work/app", pattern: "handleRequest\\(", limit: 50 } },
      ],
    });
    messages.push({
      role: "user",
      content: [
        {
          type: "tool_result",
          tool_use_id: `toolu_01Turn${turn}Read`,
          content: Array.from({ length: 40 }, (_, line) => `${String(line + 1).padStart(5)}→export function handler${line}(request: Request) { return route(request); }`).join("\n"),
        },
        {
          type: "tool_result",
          tool_use_id: `toolu_01Turn${turn}Grep`,
          content: [{ type: "text", text: "src/a.ts:12\nsrc/b.ts:40\nsrc/c.ts:7" }],
          cache_control: turn === turns - 1 ? { type: "ephemeral" } : undefined,
        },
      ],
    });
  }
  messages.push({ role: "system", content: "<system-reminder>The user has switched to plan mode.</system-reminder>" });
  messages.push({ role: "user", content: "Continue." });

  return {
    model: "claude-sonnet-4-5-20250929",
    max_tokens: 32000,
    stream: true,
    system,
    tools,
    messages,
    metadata: { user_id: "user_5f2c_account__session_7a1e0c4b-2f3d-4e5f-8a9b-0c1d2e3f4a5b" },
    thinking: { type: "enabled", budget_tokens: 31999 },
    context_management: { edits: [{ type: "clear_thinking_20251015", keep: "all" }] },
  };
}
