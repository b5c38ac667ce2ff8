import type { RequestIssue } from "../../errors/request-validation-error.js";
import type { AnthropicCountTokensRequest } from "../../types/anthropic.js";

/**
 * Rules across `tools` and `tool_choice` that Anthropic and OpenAI-compatible
 * APIs both enforce, so a request breaking them could only fail upstream:
 * tool names are unique, and a `tool_choice` of type `tool` names a tool of
 * the request. Both are refused (400); no client edit produces them.
 */
export function checkToolDefinitions(request: AnthropicCountTokensRequest): RequestIssue[] {
  const issues: RequestIssue[] = [];
  const names = new Map<string, number>();
  request.tools?.forEach((tool, index) => {
    const first = names.get(tool.name);
    if (first === undefined) names.set(tool.name, index);
    else
      issues.push({
        path: `tools.${index}.name`,
        message: `Tool names must be unique: "${tool.name}" is also the name of tools.${first}`,
      });
  });
  const choice = request.tool_choice;
  if (choice?.type === "tool" && !names.has(choice.name))
    issues.push({ path: "tool_choice.name", message: `No tool named "${choice.name}" is defined in tools` });
  return issues;
}
