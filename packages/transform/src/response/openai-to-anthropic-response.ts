import { openAIErrorMessage, openAIErrorStatus } from "../errors/openai-error-message.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { messageId } from "../message-id.js";
import { normalizeToolId } from "../tool-ids.js";
import { restoreToolName } from "../tool-names.js";
import type { TranslationContext } from "../translation-context.js";
import type { AnthropicContentBlock, AnthropicMessage } from "../types/anthropic.js";
import type { OpenAIChatResponse } from "../types/openai.js";
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
  const choice = isRecord(body) && Array.isArray(body.choices) ? body.choices[0] : undefined;
  if (!isRecord(body) || body.error != null || !isRecord(choice)) throw upstreamBodyError(body);
  const message = choice.message ?? {};
  const content: AnthropicContentBlock[] = [];

  const reasoning = message.reasoning_content ?? message.reasoning;
  if (typeof reasoning === "string" && reasoning !== "")
    content.push({ type: "thinking", thinking: reasoning });
  const text = typeof message.content === "string" ? message.content : textOfParts(message.content);
  if (text !== "") content.push({ type: "text", text });
  if (typeof message.refusal === "string" && message.refusal !== "")
    content.push({ type: "text", text: message.refusal });
  message.tool_calls?.forEach((call, index) => {
    content.push({
      type: "tool_use",
      id: normalizeToolId(call.id || `call_${index}`),
      name: restoreToolName(context, call.function?.name ?? ""),
      input: parseToolArguments(call.function?.arguments),
    });
  });

  let stopReason = mapFinishReason(choice.finish_reason);
  // Gemini and others answer tool calls with finish_reason "stop"; Claude Code needs tool_use to run them.
  if (stopReason === "end_turn" && content.some((block) => block.type === "tool_use"))
    stopReason = "tool_use";

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
