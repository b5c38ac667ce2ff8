import type { UpstreamResponseError } from "../../errors/upstream-response-error.js";
import type { StreamEncoder } from "../../stream/stream-encoder.js";
import type { AnthropicStopReason, AnthropicStreamEvent, AnthropicUsage } from "../../types/anthropic.js";
import type { ResponsesOutputItem } from "../../types/openai-responses.js";
import {
  clientTool,
  itemId,
  messageItem,
  type ResponsesAnswerOptions,
  reasoningItem,
  responseIds,
  responseObject,
  responseStatus,
  responsesUsage,
  toolCallItem,
} from "./responses-output.js";
import type { ClientToolName } from "./responses-tools.js";

/** A text or thinking block being written into its output item; `head` is the start of its delta events. */
type OpenText = {
  kind: "message" | "reasoning";
  block: number;
  index: number;
  id: string;
  text: string;
  head: string;
};
type OpenTool = {
  kind: "tool";
  block: number;
  index: number;
  id: string;
  callId: string;
  tool: ClientToolName;
  args: string;
  head: string;
};
/** The output item a canonical content block is being written into. */
type OpenItem = OpenText | OpenTool;

/**
 * The canonical stream as Responses API events, the sequence Codex CLI and the `openai` SDK act on:
 * `response.created` and `response.in_progress`; for each content block an output item
 * (`output_item.added`, its content part, deltas, `.done` events, and `output_item.done`, the item's
 * authoritative copy); then `response.completed` (or `response.incomplete` when the output limit was hit)
 * with the response id, every item and the usage. Text becomes a `message` item; thinking a `reasoning`
 * item (as summary text or raw reasoning text, see {@link ResponsesAnswerOptions.reasoningSummary}); a tool
 * call a `function_call`, or a `custom_tool_call` for a free-form tool, whose input is sent whole when the
 * call is complete (the upstream streams it inside JSON). After a failure the stream ends with
 * `response.failed` carrying `error.message`.
 *
 * Deltas are written as strings around their one value, as this runs once per upstream event.
 */
export function responsesEventEncoder(options: ResponsesAnswerOptions): StreamEncoder {
  return new ResponsesEventEncoder(options);
}

class ResponsesEventEncoder implements StreamEncoder {
  readonly #options: ResponsesAnswerOptions;
  #output = "";
  #sequence = 0;
  #responseId = "";
  #base = "";
  #open: OpenItem | undefined;
  readonly #items: ResponsesOutputItem[] = [];
  #usage: Partial<AnthropicUsage> = {};
  #stopReason: AnthropicStopReason | null = null;

  constructor(options: ResponsesAnswerOptions) {
    this.#options = options;
    this.#ids(`msg_${crypto.randomUUID().replace(/-/g, "")}`);
  }

  event(event: AnthropicStreamEvent): void {
    switch (event.type) {
      case "content_block_delta": {
        const open = this.#open;
        if (open === undefined || open.block !== event.index) return;
        const delta = event.delta;
        if (delta.type === "text_delta" && open.kind === "message") this.#text(open, delta.text);
        else if (delta.type === "thinking_delta" && open.kind === "reasoning")
          this.#reasoning(open, delta.thinking);
        else if (delta.type === "input_json_delta" && open.kind === "tool")
          this.#arguments(open, delta.partial_json);
        return;
      }
      case "content_block_start":
        this.#start(event.index, event.content_block);
        return;
      case "content_block_stop":
        if (this.#open?.block === event.index) this.#close();
        return;
      case "message_start":
        this.#ids(event.message.id);
        this.#usage = { ...event.message.usage };
        this.#lifecycle("response.created", "in_progress");
        this.#lifecycle("response.in_progress", "in_progress");
        return;
      case "message_delta":
        for (const key in event.usage) {
          const value = event.usage[key as keyof AnthropicUsage];
          if (value !== null && value !== undefined) (this.#usage as Record<string, unknown>)[key] = value;
        }
        if (event.delta.stop_reason) this.#stopReason = event.delta.stop_reason;
        return;
      case "message_stop": {
        if (this.#open) this.#close();
        const status = responseStatus(this.#stopReason);
        this.#lifecycle(status === "incomplete" ? "response.incomplete" : "response.completed", status);
        return;
      }
      default:
        return;
    }
  }

  error(error: UpstreamResponseError): void {
    const code = error.status === 429 ? "rate_limit_exceeded" : "server_error";
    this.#lifecycle("response.failed", "failed", { code, message: error.message });
  }

  take(): string {
    const text = this.#output;
    this.#output = "";
    return text;
  }

  #ids(messageId: string): void {
    const ids = responseIds(messageId);
    this.#responseId = ids.response;
    this.#base = ids.base;
  }

  #start(block: number, content: { type: string; [key: string]: unknown }): void {
    if (this.#open) this.#close();
    const index = this.#items.length;
    const at = `"output_index":${index}`;
    switch (content.type) {
      case "text": {
        const id = itemId("msg", this.#base, index);
        const open: OpenText = {
          kind: "message",
          block,
          index,
          id,
          text: "",
          head: `"item_id":"${id}",${at},"content_index":0`,
        };
        this.#open = open;
        this.#emit(
          "response.output_item.added",
          `${at},"item":${JSON.stringify(messageItem(id, "", "in_progress"))}`,
        );
        this.#emit(
          "response.content_part.added",
          `${open.head},"part":{"type":"output_text","text":"","annotations":[]}`,
        );
        if (typeof content.text === "string" && content.text !== "") this.#text(open, content.text);
        return;
      }
      case "thinking": {
        const id = itemId("rs", this.#base, index);
        const summary = this.#options.reasoningSummary;
        const head = `"item_id":"${id}",${at},${summary ? '"summary_index":0' : '"content_index":0'}`;
        const open: OpenText = { kind: "reasoning", block, index, id, text: "", head };
        this.#open = open;
        this.#emit(
          "response.output_item.added",
          `${at},"item":${JSON.stringify(reasoningItem(id, undefined, summary))}`,
        );
        if (summary)
          this.#emit(
            "response.reasoning_summary_part.added",
            `${head},"part":{"type":"summary_text","text":""}`,
          );
        else this.#emit("response.content_part.added", `${head},"part":{"type":"reasoning_text","text":""}`);
        if (typeof content.thinking === "string" && content.thinking !== "")
          this.#reasoning(open, content.thinking);
        return;
      }
      case "tool_use": {
        const tool = clientTool(this.#options.names, content.name as string);
        const item = toolCallItem(this.#base, index, content.id as string, tool, undefined);
        this.#open = {
          kind: "tool",
          block,
          index,
          id: item.id as string,
          callId: content.id as string,
          tool,
          args: "",
          head: `"item_id":"${item.id as string}",${at}`,
        };
        this.#emit("response.output_item.added", `${at},"item":${JSON.stringify(item)}`);
        return;
      }
      default:
        // Server tool blocks and redacted thinking have no Responses form the client could use.
        return;
    }
  }

  #text(open: OpenText, text: string): void {
    open.text += text;
    this.#delta("response.output_text.delta", open.head, text, ',"logprobs":[]');
  }

  #reasoning(open: OpenText, text: string): void {
    open.text += text;
    if (this.#options.reasoningSummary)
      this.#delta("response.reasoning_summary_text.delta", open.head, text, "");
    else this.#delta("response.reasoning_text.delta", open.head, text, "");
  }

  #arguments(open: OpenTool, piece: string): void {
    open.args += piece;
    // A custom tool's input is a string inside the JSON arguments: it is sent whole once complete.
    if (!open.tool.custom && piece !== "")
      this.#delta("response.function_call_arguments.delta", open.head, piece, "");
  }

  #close(): void {
    const open = this.#open!;
    this.#open = undefined;
    let item: ResponsesOutputItem;
    switch (open.kind) {
      case "message": {
        const text = JSON.stringify(open.text);
        this.#emit("response.output_text.done", `${open.head},"text":${text},"logprobs":[]`);
        this.#emit(
          "response.content_part.done",
          `${open.head},"part":{"type":"output_text","text":${text},"annotations":[]}`,
        );
        item = messageItem(open.id, open.text, "completed");
        break;
      }
      case "reasoning": {
        const text = JSON.stringify(open.text);
        if (this.#options.reasoningSummary) {
          this.#emit("response.reasoning_summary_text.done", `${open.head},"text":${text}`);
          this.#emit(
            "response.reasoning_summary_part.done",
            `${open.head},"part":{"type":"summary_text","text":${text}}`,
          );
        } else {
          this.#emit("response.reasoning_text.done", `${open.head},"text":${text}`);
          this.#emit(
            "response.content_part.done",
            `${open.head},"part":{"type":"reasoning_text","text":${text}}`,
          );
        }
        item = reasoningItem(open.id, open.text, this.#options.reasoningSummary);
        break;
      }
      case "tool": {
        const args = open.args.trim() === "" ? "{}" : open.args;
        item = toolCallItem(this.#base, open.index, open.callId, open.tool, args);
        if (item.type === "custom_tool_call") {
          const input = JSON.stringify(item.input);
          this.#emit("response.custom_tool_call_input.delta", `${open.head},"delta":${input}`);
          this.#emit("response.custom_tool_call_input.done", `${open.head},"input":${input}`);
        } else {
          this.#emit(
            "response.function_call_arguments.done",
            `${open.head},"name":${JSON.stringify(open.tool.name)},"arguments":${JSON.stringify(args)}`,
          );
        }
        break;
      }
    }
    this.#items.push(item);
    this.#emit("response.output_item.done", `"output_index":${open.index},"item":${JSON.stringify(item)}`);
  }

  #lifecycle(
    type: string,
    status: "in_progress" | "completed" | "incomplete" | "failed",
    error?: { code: string; message: string },
  ): void {
    const usage = status === "in_progress" ? null : responsesUsage(this.#usage);
    const response = responseObject(
      this.#responseId,
      this.#options,
      status,
      this.#items,
      usage,
      error ?? null,
    );
    this.#emit(type, `"response":${JSON.stringify(response)}`);
  }

  #delta(type: string, head: string, value: string, tail: string): void {
    this.#output += `event: ${type}\ndata: {"type":"${type}",${head},"delta":${JSON.stringify(value)}${tail},"sequence_number":${this.#sequence++}}\n\n`;
  }

  #emit(type: string, body: string): void {
    this.#output += `event: ${type}\ndata: {"type":"${type}",${body},"sequence_number":${this.#sequence++}}\n\n`;
  }
}
