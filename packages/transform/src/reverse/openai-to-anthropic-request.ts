import { TranslationError } from "../errors/translation-error.js";
import { normalizeToolId } from "../tool-ids.js";
import type {
  AnthropicContentBlock,
  AnthropicMessageParam,
  AnthropicMessagesRequest,
  AnthropicTool,
  AnthropicToolChoice,
} from "../types/anthropic.js";
import type {
  OpenAIAssistantMessage,
  OpenAIChatRequest,
  OpenAITool,
  OpenAIToolChoice,
} from "../types/openai.js";
import { openAIContentToBlocks, openAIContentToText } from "./openai-content-to-anthropic.js";

export interface ReverseRequestOptions {
  /** `max_tokens` when the OpenAI request sets no limit (Anthropic requires one). Default 4096. */
  defaultMaxTokens?: number;
}

/** Thinking budgets for OpenAI's `reasoning_effort` levels. */
const EFFORT_BUDGETS: Readonly<Record<string, number>> = {
  minimal: 1024,
  low: 1024,
  medium: 4096,
  high: 16384,
};
const MIN_THINKING_BUDGET = 1024;

/**
 * OpenAI Chat Completions request → Anthropic Messages request, for the
 * OpenAI-compatible ingress and Anthropic-native upstreams. Leading system
 * and developer messages become `system`; later ones become user text;
 * consecutive same-role messages merge (Anthropic requires alternation);
 * tool messages become `tool_result` blocks at the head of the next user
 * turn. Previous turns' `reasoning_content` is dropped: Anthropic accepts
 * thinking blocks only with the signature OpenAI dialects do not carry.
 *
 * @throws TranslationError (400) naming the part Anthropic cannot take.
 */
export function openAIToAnthropicRequest(
  body: OpenAIChatRequest,
  options: ReverseRequestOptions = {},
): AnthropicMessagesRequest {
  const system: string[] = [];
  const messages: AnthropicMessageParam[] = [];
  let conversationStarted = false;

  body.messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    switch (message.role) {
      case "system":
      case "developer": {
        const text = openAIContentToText(message.content);
        if (!conversationStarted) system.push(text);
        else if (text !== "") append(messages, "user", [{ type: "text", text }]);
        break;
      }
      case "user":
        conversationStarted = true;
        append(
          messages,
          "user",
          typeof message.content === "string"
            ? message.content
            : openAIContentToBlocks(message.content, path),
        );
        break;
      case "assistant":
        conversationStarted = true;
        append(messages, "assistant", assistantContent(message, path));
        break;
      case "tool":
        conversationStarted = true;
        append(messages, "user", [
          {
            type: "tool_result",
            tool_use_id: normalizeToolId(message.tool_call_id),
            content: openAIContentToText(message.content),
          },
        ]);
        break;
      default:
        throw new TranslationError(
          `messages of role "${(message as { role: string }).role}" cannot be translated`,
          { path },
        );
    }
  });

  const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? options.defaultMaxTokens ?? 4096;
  const request: AnthropicMessagesRequest = { model: body.model, max_tokens: maxTokens, messages };
  if (system.length > 0) request.system = system.join("\n\n");
  if (body.stop !== undefined)
    request.stop_sequences = typeof body.stop === "string" ? [body.stop] : body.stop;
  if (typeof body.user === "string" && body.user !== "") request.metadata = { user_id: body.user };
  if (body.stream === true) request.stream = true;

  const tools = body.tools?.map((tool, index) => anthropicTool(tool, `tools[${index}]`));
  if (tools && tools.length > 0) request.tools = tools;
  const toolChoice = anthropicToolChoice(body.tool_choice, body.parallel_tool_calls);
  if (toolChoice) request.tool_choice = toolChoice;

  const budget = body.reasoning_effort ? EFFORT_BUDGETS[body.reasoning_effort] : undefined;
  if (budget !== undefined && maxTokens > MIN_THINKING_BUDGET) {
    // Anthropic rejects temperature and top_p with thinking on, and a budget not below max_tokens.
    request.thinking = { type: "enabled", budget_tokens: Math.min(budget, maxTokens - 1) };
  } else {
    // OpenAI's temperature goes to 2, Anthropic's to 1.
    if (body.temperature !== undefined) request.temperature = Math.min(body.temperature, 1);
    if (body.top_p !== undefined) request.top_p = body.top_p;
  }
  return request;
}

function assistantContent(message: OpenAIAssistantMessage, path: string): string | AnthropicContentBlock[] {
  if (typeof message.content === "string" && !message.tool_calls?.length) return message.content;
  const blocks = openAIContentToBlocks(message.content, path);
  message.tool_calls?.forEach((call, index) => {
    blocks.push({
      type: "tool_use",
      id: normalizeToolId(call.id),
      name: call.function.name,
      input: parseArguments(call.function.arguments, `${path}.tool_calls[${index}].function.arguments`),
    });
  });
  return blocks;
}

function parseArguments(text: string, path: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new TranslationError("tool call arguments are not valid JSON", { path });
  }
}

/** Adds a turn, merging it into the previous one when the role repeats. */
function append(
  messages: AnthropicMessageParam[],
  role: "user" | "assistant",
  content: string | AnthropicContentBlock[],
): void {
  const previous = messages[messages.length - 1];
  if (previous?.role !== role) {
    messages.push({ role, content });
    return;
  }
  previous.content = [...asBlocks(previous.content), ...asBlocks(content)];
}

function asBlocks(content: string | AnthropicContentBlock[]): AnthropicContentBlock[] {
  if (typeof content !== "string") return content;
  return content === "" ? [] : [{ type: "text", text: content }];
}

function anthropicTool(tool: OpenAITool, path: string): AnthropicTool {
  const fn = tool.type === "function" ? (tool as { function?: Record<string, unknown> }).function : undefined;
  if (!fn || typeof fn.name !== "string") {
    throw new TranslationError(`tools of type "${tool.type}" cannot be sent to an Anthropic upstream`, {
      path,
    });
  }
  const out: AnthropicTool = {
    name: fn.name,
    input_schema: (fn.parameters as Record<string, unknown> | undefined) ?? {
      type: "object",
      properties: {},
    },
  };
  if (typeof fn.description === "string") out.description = fn.description;
  return out;
}

function anthropicToolChoice(
  choice: OpenAIToolChoice | undefined,
  parallelToolCalls: boolean | undefined,
): AnthropicToolChoice | undefined {
  const disableParallel = parallelToolCalls === false ? { disable_parallel_tool_use: true } : {};
  if (choice === "none") return { type: "none" };
  if (choice === "required") return { type: "any", ...disableParallel };
  if (typeof choice === "object") return { type: "tool", name: choice.function.name, ...disableParallel };
  if (choice === "auto" || parallelToolCalls === false) return { type: "auto", ...disableParallel };
  return undefined;
}
