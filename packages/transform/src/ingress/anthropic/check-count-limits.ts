import { type RequestIssue, RequestValidationError } from "../../errors/request-validation-error.js";
import type { RequestLimits } from "./request-limits.js";

/**
 * Throws RequestValidationError (400) when `messages`, `tools`, `system` or
 * one message's (or tool result's) `content` has more entries than the
 * limits allow. Runs on the raw body before the schema, so the schema never
 * walks an oversized array; fields of the wrong type are left to the schema.
 */
export function checkCountLimits(body: unknown, limits: Readonly<RequestLimits>): void {
  if (!isRecord(body)) return;
  const issues: RequestIssue[] = [];
  const { messages, tools, system } = body;
  if (Array.isArray(messages)) {
    if (messages.length > limits.maxMessages)
      issues.push(tooMany("messages", messages.length, limits.maxMessages, "messages"));
    else
      messages.forEach((message, index) => {
        if (isRecord(message)) checkBlocks(message.content, `messages.${index}.content`, limits, issues);
      });
  }
  if (Array.isArray(tools) && tools.length > limits.maxTools)
    issues.push(tooMany("tools", tools.length, limits.maxTools, "tools"));
  checkBlocks(system, "system", limits, issues);
  if (issues.length > 0) throw new RequestValidationError(issues);
}

function checkBlocks(
  content: unknown,
  path: string,
  limits: Readonly<RequestLimits>,
  issues: RequestIssue[],
): void {
  if (!Array.isArray(content)) return;
  if (content.length > limits.maxBlocksPerMessage) {
    issues.push(tooMany(path, content.length, limits.maxBlocksPerMessage, "content blocks"));
    return;
  }
  content.forEach((block, index) => {
    if (isRecord(block) && block.type === "tool_result")
      checkBlocks(block.content, `${path}.${index}.content`, limits, issues);
  });
}

function tooMany(path: string, count: number, limit: number, what: string): RequestIssue {
  return { path, message: `${count} ${what} are over this server's limit of ${limit}` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
