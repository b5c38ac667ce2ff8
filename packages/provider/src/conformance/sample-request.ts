import type { AnthropicMessagesRequest } from "@ccr/transform";

/** The model name Claude Code asks for; the translation sends the tier's model upstream instead. */
export const CLIENT_MODEL = "claude-sonnet-5-5";

/**
 * A request shaped like Claude Code's: a cached system prompt, a user turn and tool schemas
 * (named after the tools the fixture calls, so the translation sees the tools it answers for).
 */
export function sampleRequest(toolNames: readonly string[], stream: boolean): AnthropicMessagesRequest {
  const names = toolNames.length > 0 ? toolNames : ["Read"];
  return {
    model: CLIENT_MODEL,
    max_tokens: 1024,
    stream,
    system: [
      {
        type: "text",
        text: "You are Claude Code, a coding assistant.",
        cache_control: { type: "ephemeral" },
      },
    ],
    messages: [
      { role: "user", content: [{ type: "text", text: "Look at the project and tell me what it does." }] },
    ],
    tools: names.map((name) => ({
      name,
      description: `The ${name} tool.`,
      input_schema: {
        $schema: "http://json-schema.org/draft-07/schema#",
        type: "object",
        properties: { value: { type: "string", description: "Any value." } },
        additionalProperties: true,
      },
    })),
  };
}
