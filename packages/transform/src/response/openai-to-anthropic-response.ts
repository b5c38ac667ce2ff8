import { isOpenAIErrorBody, openAIErrorMessage, openAIErrorStatus } from "../errors/openai-error-message.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { messageId } from "../message-id.js";
import { normalizeToolId } from "../tool-ids.js";
import { restoreToolName } from "../tool-names.js";
import type { TranslationContext } from "../translation-context.js";
import type { AnthropicContentBlock, AnthropicMessage } from "../types/anthropic.js";
import type { OpenAIChatResponse, OpenAIToolCall } from "../types/openai.js";
import { mapFinishReason } from "./map-finish-reason.js";
import { openAIUsageToAnthropic } from "./openai-usage-to-anthropic.js";
import { parseToolArguments } from "./parse-tool-arguments.js";

/**
 * OpenAI Chat Completions response → Anthropic message, blocks in Anthropic's
 * order: thinking, text, tool_use. A 200 whose body is really an error (or
 * has no choice to answer with) throws UpstreamResponseError so the router
 * can retry or cascade instead of returning an empty message.
 */
export function openAIToAnthropicResponse(
  body: OpenAIChatResponse,
  context: TranslationContext,
): AnthropicMessage {
  const choices = isRecord(body) && Array.isArray(body.choices) ? body.choices : [];
  // Choice 0 is the answer, wherever the upstream put it in the array.
  const choice = choices.find((each) => isRecord(each) && (each.index ?? 0) === 0) ?? choices[0];
  if (!isRecord(body) || isOpenAIErrorBody(body) || !isRecord(choice)) throw upstreamBodyError(body);
  const message = choice.message ?? {};
  const content: AnthropicContentBlock[] = [];

  const reasoning = message.reasoning_content ?? message.reasoning;
  if (typeof reasoning === "string" && reasoning !== "")
    content.push({ type: "thinking", thinking: reasoning });
  const text = typeof message.content === "string" ? message.content : textOfParts(message.content);
  if (text !== "") content.push({ type: "text", text });
  if (typeof message.refusal === "string" && message.refusal !== "")
    content.push({ type: "text", text: message.refusal });
  const legacyCall = message.function_call as OpenAIToolCall["function"] | undefined;
  const toolCalls = message.tool_calls?.length
    ? message.tool_calls
    : legacyCall?.name
      ? [{ id: "", type: "function" as const, function: legacyCall }]
      : [];
  toolCalls.forEach((call, index) => {
    content.push({
      type: "tool_use",
      id: normalizeToolId(call.id || `call_${index}`),
      name: restoreToolName(context, call.function?.name ?? ""),
      input: parseToolArguments(call.function?.arguments),
    });
  });

  let stopReason = mapFinishReason(choice.finish_reason);
  // Gemini and others answer tool calls with finish_reason "stop", some say tool_calls without any:
  // Claude Code runs tools on tool_use and waits for none otherwise.
  if (stopReason === "end_turn" || stopReason === "tool_use")
    stopReason = content.some((block) => block.type === "tool_use") ? "tool_use" : "end_turn";

  return {
    id: messageId(body.id),
    type: "message",
    role: "assistant",
    model: context.requestedModel,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: openAIUsageToAnthropic(body.usage),
  };
}

function upstreamBodyError(body: unknown): UpstreamResponseError {
  const detail = openAIErrorMessage(body);
  return new UpstreamResponseError({
    status: openAIErrorStatus(body) ?? 502,
    message: detail ? `upstream error: ${detail}` : "upstream returned a response without choices",
    body,
  });
}

function textOfParts(parts: unknown): string {
  if (!Array.isArray(parts)) return "";
  return parts.map((part) => (isRecord(part) && typeof part.text === "string" ? part.text : "")).join("");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
