import { jsonKind, malformedAnswerError } from "../errors/malformed-answer-error.js";
import { isOpenAIErrorBody, openAIErrorMessage, openAIErrorStatus } from "../errors/openai-error-message.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { messageId } from "../message-id.js";
import { normalizeToolId } from "../tool-ids.js";
import { restoreToolName } from "../tool-names.js";
import type { TranslationContext } from "../translation-context.js";
import type { AnthropicContentBlock, AnthropicMessage } from "../types/anthropic.js";
import type { OpenAIChatResponse, OpenAIResponseMessage, OpenAIToolCall } from "../types/openai.js";
import { mapFinishReason } from "./map-finish-reason.js";
import { openAIFunctionProblem, openAIToolCallProblem } from "./openai-tool-call-problem.js";
import { openAIUsageToAnthropic } from "./openai-usage-to-anthropic.js";
import { parseToolArguments } from "./parse-tool-arguments.js";

/**
 * OpenAI Chat Completions response → Anthropic message, blocks in Anthropic's
 * order: thinking, text, tool_use. A 200 whose body is really an error, has
 * no choice to answer with, or a choice that cannot be read without losing
 * something (a field of the wrong type, a tool call without a name or with
 * arguments that are no JSON object) throws UpstreamResponseError so the
 * router can retry or cascade instead of returning a broken message.
 */
export function openAIToAnthropicResponse(
  body: OpenAIChatResponse,
  context: TranslationContext,
): AnthropicMessage {
  const choices = isRecord(body) && Array.isArray(body.choices) ? body.choices : [];
  // Choice 0 is the answer, wherever the upstream put it in the array.
  let position = choices.findIndex((each) => isRecord(each) && (each.index ?? 0) === 0);
  if (position < 0) position = 0;
  const choice = choices[position];
  if (!isRecord(body) || isOpenAIErrorBody(body) || !isRecord(choice)) throw upstreamBodyError(body);
  const path = `choices.${position}`;
  const problem = choiceProblem(choice, path);
  if (problem) throw malformedAnswerError(problem, body);
  const message = choice.message as OpenAIResponseMessage;

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
  for (const [index, call] of toolCalls.entries()) {
    const input = parseToolArguments(call.function.arguments);
    if (input === undefined)
      throw malformedAnswerError(
        `${path}.message.tool_calls.${index}.function.arguments: not a JSON object: ${String(call.function.arguments).slice(0, 200)}`,
        body,
      );
    content.push({
      type: "tool_use",
      id: normalizeToolId(call.id || `call_${index}`),
      name: restoreToolName(context, call.function.name),
      input,
    });
  }
  let stopReason = mapFinishReason(choice.finish_reason as string | null | undefined);
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
    usage: openAIUsageToAnthropic(isRecord(body.usage) ? body.usage : undefined),
  };
}

/**
 * Why choice 0 of an answer cannot be read without losing something, naming the path; undefined when it
 * can. Only what the translation reads is checked: a field a provider adds never fails an answer.
 */
function choiceProblem(choice: Record<string, unknown>, path: string): string | undefined {
  const { message, finish_reason: finishReason } = choice;
  if (finishReason != null && typeof finishReason !== "string")
    return `${path}.finish_reason: expected a string, got ${jsonKind(finishReason)}`;
  if (!isRecord(message)) return `${path}.message: expected an object, got ${jsonKind(message)}`;
  const { content, refusal, tool_calls: calls, function_call: legacyCall } = message;
  if (content != null && typeof content !== "string" && !Array.isArray(content))
    return `${path}.message.content: expected a string, got ${jsonKind(content)}`;
  if (refusal != null && typeof refusal !== "string")
    return `${path}.message.refusal: expected a string, got ${jsonKind(refusal)}`;
  if (calls != null && !Array.isArray(calls))
    return `${path}.message.tool_calls: expected an array, got ${jsonKind(calls)}`;
  if (Array.isArray(calls) && calls.length > 0) {
    for (const [index, call] of calls.entries()) {
      const problem = openAIToolCallProblem(call, `${path}.message.tool_calls.${index}`, false);
      if (problem) return problem;
    }
  } else if (legacyCall != null) {
    return openAIFunctionProblem(legacyCall, `${path}.message.function_call`, false);
  }
  return undefined;
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
