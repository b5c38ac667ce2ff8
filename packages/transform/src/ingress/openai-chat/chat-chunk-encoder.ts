import type { UpstreamResponseError } from "../../errors/upstream-response-error.js";
import type { StreamEncoder } from "../../stream/stream-encoder.js";
import type { AnthropicStreamEvent, AnthropicUsage } from "../../types/anthropic.js";
import { openAIErrorBody } from "../openai-error-body.js";
import { chatCompletionId } from "./chat-completion.js";
import { chatFinishReason } from "./chat-finish-reason.js";
import { chatUsage } from "./chat-usage.js";

export interface ChatChunkOptions {
  /** The model name the client asked for, echoed in every chunk. */
  readonly model: string;
  /** Unix seconds, the same in every chunk. */
  readonly created: number;
  /** `stream_options.include_usage`: a last chunk with `usage` and no choices before `[DONE]`. */
  readonly includeUsage: boolean;
}

/**
 * The canonical stream written as `chat.completion.chunk` SSE: a role chunk first, text as `content`, thinking
 * as `reasoning_content`, each tool call opened with its id and name and then its `arguments` piece by piece
 * (indexed in order of appearance), the `finish_reason` chunk, the usage chunk when asked, then
 * `data: [DONE]`. After a failure the stream ends with a chunk carrying an `error` object and no `[DONE]`,
 * so the client sees a failure instead of a quietly truncated answer (the OpenAI SDK throws on it).
 *
 * Every chunk is written as a string around its one changing value, as this runs once per upstream event.
 */
export function chatChunkEncoder(options: ChatChunkOptions): StreamEncoder {
  return new ChatChunkEncoder(options);
}

class ChatChunkEncoder implements StreamEncoder {
  readonly #options: ChatChunkOptions;
  #output = "";
  /** `data: {"id":...,"choices":[{"index":0,"delta":{`, fixed once the message id is known. */
  #open = "";
  /** Tool call index (0, 1, ...) by canonical block index. */
  readonly #toolIndex: number[] = [];
  #tools = 0;
  #usage: Partial<AnthropicUsage> = {};
  #finished = false;

  constructor(options: ChatChunkOptions) {
    this.#options = options;
    this.#start(`msg_${crypto.randomUUID().replace(/-/g, "")}`);
  }

  event(event: AnthropicStreamEvent): void {
    switch (event.type) {
      case "content_block_delta": {
        const delta = event.delta;
        if (delta.type === "text_delta") this.#delta(`"content":${JSON.stringify(delta.text)}`);
        else if (delta.type === "thinking_delta")
          this.#delta(`"reasoning_content":${JSON.stringify(delta.thinking)}`);
        else if (delta.type === "input_json_delta" && delta.partial_json !== "") {
          const index = this.#toolIndex[event.index];
          if (index !== undefined)
            this.#delta(
              `"tool_calls":[{"index":${index},"function":{"arguments":${JSON.stringify(delta.partial_json)}}}]`,
            );
        }
        return;
      }
      case "content_block_start": {
        const block = event.content_block;
        if (block.type === "tool_use") {
          const index = this.#tools++;
          this.#toolIndex[event.index] = index;
          this.#delta(
            `"tool_calls":[{"index":${index},"id":${JSON.stringify(block.id)},"type":"function","function":{"name":${JSON.stringify(block.name)},"arguments":""}}]`,
          );
        } else if (block.type === "text" && block.text !== "") {
          this.#delta(`"content":${JSON.stringify(block.text)}`);
        } else if (block.type === "thinking" && block.thinking !== "") {
          this.#delta(`"reasoning_content":${JSON.stringify(block.thinking)}`);
        }
        return;
      }
      case "message_start":
        this.#start(event.message.id);
        this.#usage = { ...event.message.usage };
        this.#delta('"role":"assistant","content":""');
        return;
      case "message_delta":
        this.#mergeUsage(event.usage);
        this.#finish(chatFinishReason(event.delta.stop_reason));
        return;
      case "message_stop":
        this.#finish("stop");
        if (this.#options.includeUsage) this.#output += this.#usageChunk();
        this.#output += "data: [DONE]\n\n";
        return;
      default:
        return;
    }
  }

  error(error: UpstreamResponseError): void {
    this.#output += `data: ${JSON.stringify(openAIErrorBody(error.status, error.message))}\n\n`;
  }

  take(): string {
    const text = this.#output;
    this.#output = "";
    return text;
  }

  #start(messageId: string): void {
    const { created, model } = this.#options;
    this.#open = `data: {"id":${JSON.stringify(chatCompletionId(messageId))},"object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(model)},"choices":[{"index":0,"delta":{`;
  }

  #delta(body: string): void {
    this.#output += `${this.#open}${body}},"finish_reason":null}]}\n\n`;
  }

  #finish(reason: string): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#output += `${this.#open}},"finish_reason":"${reason}"}]}\n\n`;
  }

  #usageChunk(): string {
    // The usage chunk has no choices: the part of #open up to `"choices":[`.
    const head = this.#open.slice(0, this.#open.indexOf('"choices":['));
    return `${head}"choices":[],"usage":${JSON.stringify(chatUsage(this.#usage))}}\n\n`;
  }

  #mergeUsage(update: Partial<AnthropicUsage>): void {
    for (const key in update) {
      const value = update[key as keyof AnthropicUsage];
      if (value !== null && value !== undefined) (this.#usage as Record<string, unknown>)[key] = value;
    }
  }
}
