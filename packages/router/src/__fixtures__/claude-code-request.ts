import type { AnthropicMessagesRequest } from "@ccr/transform";

/**
 * A request shaped like Claude Code's: a long system prompt in cache-controlled blocks, 24 tool
 * schemas, and several turns of tool_use / tool_result. About `targetKb` KB of JSON.
 */
export function claudeCodeRequest(targetKb = 80): AnthropicMessagesRequest {
  const paragraph =
    "You are Claude Code, an interactive CLI tool that helps users with software engineering tasks. " +
    "Use the instructions below and the tools available to you to assist the user. ";
  const tools = Array.from({ length: 24 }, (_, index) => ({
    name: `Tool${index}`,
    description: paragraph.repeat(4),
    input_schema: {
      type: "object",
      properties: {
        file_path: { type: "string", description: "The absolute path to the file to operate on" },
        content: { type: "string", description: "The content to write to the file" },
        limit: { type: "number", description: "The number of lines to read" },
        options: { type: "array", items: { type: "string" } },
      },
      required: ["file_path"],
      additionalProperties: false,
      $schema: "http://json-schema.org/draft-07/schema#",
    },
  }));
  const request: AnthropicMessagesRequest = {
    model: "claude-sonnet-4-5-20250929",
    max_tokens: 32000,
    stream: true,
    system: [
      { type: "text", text: "You are Claude Code, Anthropic's official CLI for Claude." },
      { type: "text", text: paragraph.repeat(60), cache_control: { type: "ephemeral" } },
    ],
    tools,
    thinking: { type: "adaptive" },
    output_config: { effort: "high" },
    messages: [{ role: "user", content: [{ type: "text", text: "Refactor the router and run the tests." }] }],
  };
  let turn = 0;
  while (JSON.stringify(request).length < targetKb * 1024) {
    request.messages.push(
      {
        role: "assistant",
        content: [
          { type: "text", text: "Let me read the file first." },
          { type: "tool_use", id: `toolu_${turn}`, name: "Tool1", input: { file_path: `/repo/src/file-${turn}.ts` } },
        ],
      },
      {
        role: "user",
        content: [
          {
            type: "tool_result",
            tool_use_id: `toolu_${turn}`,
            content: `export function f${turn}(value: number): number {\n  return value * ${turn};\n}\n`.repeat(40),
          },
        ],
      },
    );
    turn++;
  }
  return request;
}
