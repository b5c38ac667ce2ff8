import type { AnthropicMessage, AnthropicStopReason, AnthropicUsage } from "../../types/anthropic.js";
import type {
  ResponsesOutputItem,
  ResponsesResponse,
  ResponsesStatus,
  ResponsesUsage,
} from "../../types/openai-responses.js";
import { type ClientToolName, customToolInput } from "./responses-tools.js";

/** What the response object says besides its output: the client's own settings, echoed. */
export interface ResponsesAnswerOptions {
  /** The model name the client asked for, echoed whichever tier answered. */
  readonly model: string;
  /** Unix seconds. */
  readonly createdAt: number;
  /** Upstream tool name → the client's (namespace, custom tool). */
  readonly names: ReadonlyMap<string, ClientToolName>;
  /**
   * Reasoning is written as a summary (`reasoning.summary` was asked for: Codex shows it) rather than as
   * raw reasoning text (which clients show only on request).
   */
  readonly reasoningSummary: boolean;
  /** Request fields echoed in the response object (`parallel_tool_calls`, `tool_choice`...). */
  readonly echo: Readonly<Record<string, unknown>>;
}

/** `resp_...` from the canonical message id, and the id of each output item after it. */
export function responseIds(messageId: string): { response: string; base: string } {
  const base = messageId.startsWith("msg_") ? messageId.slice(4) : messageId;
  return { response: `resp_${base}`, base };
}

export function itemId(prefix: "msg" | "rs" | "fc" | "ctc", base: string, outputIndex: number): string {
  return `${prefix}_${base}_${outputIndex}`;
}

/** Canonical usage → the Responses API's: input counts cached tokens too, repeated in the details. */
export function responsesUsage(usage: Partial<AnthropicUsage>): ResponsesUsage {
  const cached = usage.cache_read_input_tokens ?? 0;
  const input = (usage.input_tokens ?? 0) + cached + (usage.cache_creation_input_tokens ?? 0);
  const output = usage.output_tokens ?? 0;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: cached },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

/** A response that ran out of output tokens is `incomplete`, as OpenAI reports it. */
export function responseStatus(stopReason: AnthropicStopReason | string | null | undefined): ResponsesStatus {
  return stopReason === "max_tokens" || stopReason === "model_context_window_exceeded"
    ? "incomplete"
    : "completed";
}

/** The response object, as the lifecycle events and the non-streamed answer carry it. */
export function responseObject(
  id: string,
  options: ResponsesAnswerOptions,
  status: ResponsesStatus,
  output: ResponsesOutputItem[],
  usage: ResponsesUsage | null,
  error: { code: string; message: string } | null = null,
): ResponsesResponse {
  return {
    id,
    object: "response",
    created_at: options.createdAt,
    status,
    error,
    incomplete_details: status === "incomplete" ? { reason: "max_output_tokens" } : null,
    model: options.model,
    output,
    usage,
    ...options.echo,
  };
}

export function messageItem(
  id: string,
  text: string,
  status: "in_progress" | "completed",
): ResponsesOutputItem {
  return {
    id,
    type: "message",
    status,
    role: "assistant",
    content: status === "in_progress" ? [] : [{ type: "output_text", text, annotations: [] }],
  };
}

export function reasoningItem(id: string, text: string | undefined, summary: boolean): ResponsesOutputItem {
  if (text === undefined)
    return summary
      ? { id, type: "reasoning", summary: [] }
      : { id, type: "reasoning", summary: [], content: [] };
  return summary
    ? { id, type: "reasoning", summary: [{ type: "summary_text", text }] }
    : { id, type: "reasoning", summary: [], content: [{ type: "reasoning_text", text }] };
}

/** A tool call as the client knows it: a `function_call`, or a `custom_tool_call` for a free-form tool. */
export function toolCallItem(
  base: string,
  outputIndex: number,
  callId: string,
  tool: ClientToolName,
  args: string | undefined,
): ResponsesOutputItem {
  const namespace = tool.namespace ? { namespace: tool.namespace } : {};
  if (tool.custom) {
    const input = args === undefined ? "" : customToolInput(parseArguments(args));
    return {
      id: itemId("ctc", base, outputIndex),
      type: "custom_tool_call",
      call_id: callId,
      name: tool.name,
      ...namespace,
      input,
    };
  }
  return {
    id: itemId("fc", base, outputIndex),
    type: "function_call",
    status: args === undefined ? "in_progress" : "completed",
    call_id: callId,
    name: tool.name,
    ...namespace,
    arguments: args ?? "",
  };
}

/** What the client calls an upstream tool: its name, namespace, and whether it is a custom tool. */
export function clientTool(names: ReadonlyMap<string, ClientToolName>, upstreamName: string): ClientToolName {
  return names.get(upstreamName) ?? { name: upstreamName, custom: false };
}

/** A canonical message as the response object (the non-streamed answer). */
export function responseFromMessage(
  message: AnthropicMessage,
  options: ResponsesAnswerOptions,
): ResponsesResponse {
  const { response, base } = responseIds(message.id);
  const output: ResponsesOutputItem[] = [];
  for (const block of message.content) {
    const index = output.length;
    if (block.type === "text") output.push(messageItem(itemId("msg", base, index), block.text, "completed"));
    else if (block.type === "thinking")
      output.push(reasoningItem(itemId("rs", base, index), block.thinking, options.reasoningSummary));
    else if (block.type === "tool_use")
      output.push(
        toolCallItem(
          base,
          index,
          block.id,
          clientTool(options.names, block.name),
          JSON.stringify(block.input ?? {}),
        ),
      );
  }
  return responseObject(
    response,
    options,
    responseStatus(message.stop_reason),
    output,
    responsesUsage(message.usage),
  );
}

function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
