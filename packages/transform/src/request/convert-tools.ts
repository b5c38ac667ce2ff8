import type { TranslationContext } from "../translation-context.js";
import type {
  AnthropicCustomTool,
  AnthropicMessageParam,
  AnthropicTool,
  AnthropicToolChoice,
} from "../types/anthropic.js";
import type { OpenAIChatRequest, OpenAIFunctionTool } from "../types/openai.js";
import { upstreamToolName } from "./convert-tool-use.js";

/**
 * Custom tools → functions. Hosted tools (`web_search_20250305`,
 * `bash_20250124`...) run on Anthropic's side only, so they are dropped and
 * listed in `context.droppedTools` for the router to log or reroute.
 *
 * A tool with `defer_loading` is offered only once the conversation loaded
 * it (a ToolSearch result naming it in a `tool_reference`) or the client
 * forces it, as Anthropic does: Claude Code keeps a placeholder tool that
 * must never be called, and sends MCP tools deferred to save context.
 * With Anthropic's hosted tool search instead (`tool_search_tool_*`, which an
 * OpenAI-compatible upstream cannot run), every deferred tool is offered.
 */
export function convertTools(
  tools: AnthropicTool[] | undefined,
  toolChoice: AnthropicToolChoice | undefined,
  messages: readonly AnthropicMessageParam[],
  context: TranslationContext,
  body: OpenAIChatRequest,
): void {
  const functions: OpenAIFunctionTool[] = [];
  let loaded: Set<string> | undefined;
  const hostedSearch = tools?.some((tool) => tool.type?.startsWith("tool_search_tool") === true) === true;
  for (const tool of tools ?? []) {
    if (isCustomTool(tool)) {
      if (tool.defer_loading === true && !hostedSearch) {
        loaded ??= loadedToolNames(messages, toolChoice);
        if (!loaded.has(tool.name)) continue;
      }
      const fn: OpenAIFunctionTool["function"] = { name: upstreamToolName(tool.name, context) };
      if (tool.description !== undefined) fn.description = tool.description;
      fn.parameters = tool.input_schema;
      functions.push({ type: "function", function: fn });
    } else context.droppedTools.push(tool.name);
  }
  if (functions.length === 0) return;
  body.tools = functions;
  if (toolChoice === undefined) return;
  switch (toolChoice.type) {
    case "auto":
      body.tool_choice = "auto";
      break;
    case "any":
      body.tool_choice = "required";
      break;
    case "none":
      body.tool_choice = "none";
      break;
    case "tool":
      // Forcing a hosted tool the upstream does not have would be a 400 there.
      if (!context.droppedTools.includes(toolChoice.name)) {
        body.tool_choice = {
          type: "function",
          function: { name: upstreamToolName(toolChoice.name, context) },
        };
      }
      break;
  }
  if (toolChoice.type !== "none" && toolChoice.disable_parallel_tool_use === true)
    body.parallel_tool_calls = false;
}

/** Tools named by a `tool_reference` in any tool result, plus a tool the client forces. */
function loadedToolNames(
  messages: readonly AnthropicMessageParam[],
  toolChoice: AnthropicToolChoice | undefined,
): Set<string> {
  const names = new Set<string>();
  if (toolChoice?.type === "tool") names.add(toolChoice.name);
  for (const message of messages) {
    if (message.role !== "user" || typeof message.content === "string") continue;
    for (const block of message.content) {
      if (block.type !== "tool_result" || !Array.isArray(block.content)) continue;
      for (const part of block.content) if (part.type === "tool_reference") names.add(part.tool_name);
    }
  }
  return names;
}

function isCustomTool(tool: AnthropicTool): tool is AnthropicCustomTool {
  return (tool.type == null || tool.type === "custom") && "input_schema" in tool;
}
