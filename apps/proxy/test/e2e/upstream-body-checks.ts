import { decodeAnthropicRequest } from "@ccr/transform";

/**
 * What an OpenAI-compatible API would refuse in a Chat Completions request body that CCR sent it, as the
 * fake providers cannot tell: [] when nothing. The rules those APIs enforce before any generation: a model
 * and a non-empty list of messages with known roles, content as a string or typed parts, tool calls with
 * ids, names and arguments that are JSON objects, each answered by a tool message right after its
 * assistant message and no tool message answering a call that is not there, function tools with a name and
 * parameters.
 */
export function openAIChatBodyProblems(body: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(body)) return ["the body is not an object"];
  if (typeof body.model !== "string" || body.model === "") problems.push("model: not a non-empty string");
  if (!Array.isArray(body.messages) || body.messages.length === 0) return [...problems, "messages: empty"];
  let open: Set<string> | undefined;
  for (const [index, message] of (body.messages as unknown[]).entries()) {
    const at = `messages.${index}`;
    if (!isRecord(message)) {
      problems.push(`${at}: not an object`);
      continue;
    }
    const { role, content } = message;
    if (!["system", "developer", "user", "assistant", "tool"].includes(role as string))
      problems.push(`${at}.role: ${String(role)}`);
    problems.push(...contentProblems(content, `${at}.content`, role === "assistant"));
    if (role === "tool") {
      if (typeof message.tool_call_id !== "string" || !open?.delete(message.tool_call_id))
        problems.push(`${at}: a tool message answering no open call`);
      continue;
    }
    if (open !== undefined && open.size > 0) problems.push(`${at}: calls left unanswered: ${[...open]}`);
    open = undefined;
    if (role !== "assistant" || message.tool_calls === undefined) continue;
    if (!Array.isArray(message.tool_calls)) {
      problems.push(`${at}.tool_calls: not a list`);
      continue;
    }
    open = new Set();
    for (const [position, call] of message.tool_calls.entries()) {
      const problem = toolCallProblem(call);
      if (problem) problems.push(`${at}.tool_calls.${position}: ${problem}`);
      else open.add((call as { id: string }).id);
    }
  }
  if (open !== undefined && open.size > 0) problems.push(`calls left unanswered at the end: ${[...open]}`);
  if (body.tools !== undefined) {
    if (!Array.isArray(body.tools)) problems.push("tools: not a list");
    else
      body.tools.forEach((tool: unknown, index: number) => {
        const fn = isRecord(tool) ? tool.function : undefined;
        if (
          !isRecord(tool) ||
          tool.type !== "function" ||
          !isRecord(fn) ||
          typeof fn.name !== "string" ||
          fn.name === ""
        )
          problems.push(`tools.${index}: not a function tool with a name`);
        else if (fn.parameters !== undefined && !isRecord(fn.parameters))
          problems.push(`tools.${index}.function.parameters: not an object`);
      });
  }
  for (const key of ["max_tokens", "max_completion_tokens"])
    if (body[key] !== undefined && !(Number.isInteger(body[key]) && (body[key] as number) > 0))
      problems.push(`${key}: ${String(body[key])}`);
  return problems;
}

/**
 * What Anthropic's API would refuse in a Messages request body that CCR forwarded: the proxy's own
 * validation, which follows the API's rules, run again on what was sent. It must pass with nothing left
 * to repair (CCR repairs before it forwards).
 */
export function anthropicBodyProblems(body: unknown): string[] {
  try {
    const { repairs } = decodeAnthropicRequest(body);
    return repairs.map((repair) => `${repair.path}: left to repair: ${repair.message}`);
  } catch (error) {
    return [String(error)];
  }
}

function contentProblems(content: unknown, at: string, assistant: boolean): string[] {
  if (typeof content === "string") return [];
  if (content === null || content === undefined) return assistant ? [] : [`${at}: missing`];
  if (!Array.isArray(content)) return [`${at}: neither text nor parts`];
  return content.flatMap((part: unknown, index: number) => {
    if (!isRecord(part)) return [`${at}.${index}: not an object`];
    if (part.type === "text") return typeof part.text === "string" ? [] : [`${at}.${index}.text: not text`];
    if (part.type === "image_url") {
      const url = isRecord(part.image_url) ? part.image_url.url : undefined;
      return typeof url === "string" && /^(data:image\/[a-z]+;base64,|https?:\/\/)/.test(url)
        ? []
        : [`${at}.${index}.image_url.url: ${String(url).slice(0, 60)}`];
    }
    return [`${at}.${index}.type: ${String(part.type)}`];
  });
}

function toolCallProblem(call: unknown): string | undefined {
  if (!isRecord(call) || call.type !== "function") return "not a function call";
  if (typeof call.id !== "string" || call.id === "") return "no id";
  const fn = call.function;
  if (!isRecord(fn) || typeof fn.name !== "string" || fn.name === "") return "no name";
  if (typeof fn.arguments !== "string") return "arguments not a string";
  try {
    return isRecord(JSON.parse(fn.arguments)) ? undefined : "arguments not a JSON object";
  } catch {
    return "arguments not JSON";
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
