import { parseToolArguments } from "../../response/parse-tool-arguments.js";
import { normalizeToolId } from "../../tool-ids.js";
import type {
  AnthropicContentBlock,
  AnthropicMessagesRequest,
  AnthropicTool,
  AnthropicToolChoice,
} from "../../types/anthropic.js";
import type {
  OpenAIAssistantMessage,
  OpenAIChatRequest,
  OpenAIFunctionTool,
  OpenAIToolChoice,
} from "../../types/openai.js";
import { CanonicalConversation } from "../canonical-conversation.js";
import { applySampling, DEFAULT_MAX_TOKENS, jsonOutputInstruction } from "../canonical-settings.js";
import { chatContentToBlocks, chatContentToText } from "./chat-content-to-anthropic.js";

/**
 * A (validated) Chat Completions request → the canonical request (Anthropic Messages) that routing and
 * Anthropic-native tiers work on. System and developer messages before the conversation become `system`,
 * later ones user text; tool messages become `tool_result` blocks; previous turns' `reasoning_content` is
 * dropped (Anthropic takes thinking back only with a signature OpenAI dialects do not carry); `seed`, `n`
 * and the penalties have no Anthropic equivalent; `response_format` becomes an instruction (see
 * {@link jsonOutputInstruction}).
 *
 * @throws TranslationError (400) naming what has no canonical form (audio, files by id).
 */
export function chatToAnthropicRequest(body: OpenAIChatRequest): AnthropicMessagesRequest {
  const conversation = new CanonicalConversation();
  body.messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    switch (message.role) {
      case "system":
      case "developer":
        conversation.instruction(chatContentToText(message.content));
        break;
      case "user":
        conversation.add("user", chatContentToBlocks(message.content, path));
        break;
      case "assistant":
        conversation.add("assistant", assistantBlocks(message, path));
        break;
      case "tool":
        conversation.add("user", [
          {
            type: "tool_result",
            tool_use_id: normalizeToolId(message.tool_call_id),
            content: chatContentToText(message.content),
          },
        ]);
        break;
    }
  });

  const request: AnthropicMessagesRequest = {
    model: body.model,
    max_tokens: DEFAULT_MAX_TOKENS,
    messages: conversation.messages("messages"),
  };
  const system = conversation.system(jsonOutputInstruction(body.response_format));
  if (system !== undefined) request.system = system;
  if (body.stop !== undefined)
    request.stop_sequences = typeof body.stop === "string" ? [body.stop] : body.stop;
  if (typeof body.user === "string" && body.user !== "") request.metadata = { user_id: body.user };
  if (body.stream === true) request.stream = true;
  const tools = body.tools?.map((tool) => anthropicTool(tool as OpenAIFunctionTool));
  if (tools && tools.length > 0) request.tools = tools;
  // Anthropic takes a tool_choice only with tools.
  const toolChoice = tools?.length
    ? anthropicToolChoice(body.tool_choice, body.parallel_tool_calls)
    : undefined;
  if (toolChoice) request.tool_choice = toolChoice;
  applySampling(request, {
    maxTokens: body.max_completion_tokens ?? body.max_tokens,
    effort: body.reasoning_effort,
    temperature: body.temperature,
    topP: body.top_p,
    toolChoice,
  });
  return request;
}

function assistantBlocks(message: OpenAIAssistantMessage, path: string): AnthropicContentBlock[] {
  const blocks = chatContentToBlocks(message.content, path);
  if (typeof message.refusal === "string" && message.refusal !== "" && blocks.length === 0)
    blocks.push({ type: "text", text: message.refusal });
  // Earlier calls' arguments are the model's own text, repaired as they were when they came: refusing a
  // conversation over a model's malformed JSON would end it.
  message.tool_calls?.forEach((call) => {
    blocks.push({
      type: "tool_use",
      id: normalizeToolId(call.id),
      name: call.function.name,
      input: parseToolArguments(call.function.arguments),
    });
  });
  return blocks;
}

function anthropicTool(tool: OpenAIFunctionTool): AnthropicTool {
  const fn = tool.function;
  const out: AnthropicTool = {
    name: fn.name,
    input_schema: fn.parameters ?? { type: "object", properties: {} },
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
