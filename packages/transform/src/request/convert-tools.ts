import type { TranslationContext } from "../translation-context.js";
import type { AnthropicCustomTool, AnthropicTool, AnthropicToolChoice } from "../types/anthropic.js";
import type { OpenAIChatRequest, OpenAIFunctionTool } from "../types/openai.js";
import { upstreamToolName } from "./convert-tool-use.js";

/**
 * Custom tools → functions. Hosted tools (`web_search_20250305`,
 * `bash_20250124`...) run on Anthropic's side only, so they are dropped and
 * listed in `context.droppedTools` for the router to log or reroute.
 */
export function convertTools(
  tools: AnthropicTool[] | undefined,
  toolChoice: AnthropicToolChoice | undefined,
  context: TranslationContext,
  body: OpenAIChatRequest,
): void {
  const functions: OpenAIFunctionTool[] = [];
  for (const tool of tools ?? []) {
    if (isCustomTool(tool)) {
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

function isCustomTool(tool: AnthropicTool): tool is AnthropicCustomTool {
  return (tool.type === undefined || tool.type === "custom") && "input_schema" in tool;
}
