import { malformedAnswerError } from "../../errors/malformed-answer-error.js";
import { translationFailure } from "../../errors/translation-failure.js";
import { UpstreamResponseError } from "../../errors/upstream-response-error.js";
import { mapFinishReason } from "../../response/map-finish-reason.js";
import { openAIUsageToAnthropic } from "../../response/openai-usage-to-anthropic.js";
import { createSseParser, type SseParser } from "../../sse/create-sse-parser.js";
import type { SseEvent } from "../../sse/sse-event.js";
import { messageEvents } from "../../stream/message-events.js";
import {
  carriesContent,
  endedError,
  firstChoice,
  MAX_NOISE_CHARS,
  readOpenAIChunkEvent,
  type StreamTranslationOptions,
  usageOf,
} from "../../stream/openai-to-anthropic-stream.js";
import type { StreamEncoder } from "../../stream/stream-encoder.js";
import type { StreamFacts } from "../../stream/stream-facts.js";
import type { StreamTranslation } from "../../stream/stream-translation.js";
import { type TokenUsage, tokenUsage } from "../../stream/token-usage.js";
import type { AnthropicMessage } from "../../types/anthropic.js";
import type { OpenAIChatChunk, OpenAIUsage } from "../../types/openai.js";
import { ChatToolCallsCheck } from "./chat-tool-calls-check.js";

export interface ChatPassthroughOptions extends StreamTranslationOptions {
  /** The model name the client asked for: chunks carry it instead of the upstream's. */
  readonly requestedModel: string;
  /** The client asked for the usage chunk; without it the usage-only chunk is read and not sent on. */
  readonly includeUsage: boolean;
  /** The client's encoder, for an answer that came whole and for the error chunk. */
  readonly encoder: () => StreamEncoder;
}

/**
 * An OpenAI-compatible upstream's stream for a Chat Completions client: each chunk goes on as it came (its
 * own JSON text, the model name swapped for the client's), so the client gets what the upstream said, field
 * for field. The chunks are still read, once each, for the facts the router decides on (content began, usage,
 * finish, an error in the stream) and for the tier's chunk hooks, whose output is written anew.
 *
 * Failures follow {@link StreamTranslation}: before content nothing is written (the router may go to another
 * tier); after it the stream ends with a chunk carrying an `error` object and no `[DONE]`.
 */
export function chatPassthroughTranslation(options: ChatPassthroughOptions): StreamTranslation {
  return new ChatPassthrough(options);
}

class ChatPassthrough implements StreamTranslation, StreamFacts {
  readonly #options: ChatPassthroughOptions;
  readonly #parser: SseParser;
  #output = "";
  #noise = "";
  #usage: OpenAIUsage | undefined;
  /** The choice's finish_reason once it came: the turn is whole, more content would be cut. */
  #finishReason: string | undefined;
  readonly #toolCalls = new ChatToolCallsCheck();
  /** The last chunk read: its id and time stamp for a chunk written anew. */
  #last: OpenAIChatChunk | undefined;
  #flushed = false;
  /** `"model":"<the upstream's name>"` as the last chunk wrote it, and its replacement. */
  #upstreamModel: unknown;
  #modelField = "";
  readonly #clientModelField: string;
  started = false;
  content = false;
  completed = false;
  error: UpstreamResponseError | undefined = undefined;
  stopReason: string | undefined = undefined;

  constructor(options: ChatPassthroughOptions) {
    this.#options = options;
    this.#clientModelField = `"model":${JSON.stringify(options.requestedModel)}`;
    this.#parser = createSseParser((event) => this.#onEvent(event), {
      onInvalidLine: (line) => this.#addNoise(line),
    });
  }

  get facts(): StreamFacts {
    return this;
  }

  get done(): boolean {
    return this.completed || this.error !== undefined;
  }

  get usage(): TokenUsage | undefined {
    return this.#usage ? tokenUsage(openAIUsageToAnthropic(this.#usage)) : undefined;
  }

  push(bytes: Uint8Array): string {
    if (this.done) return "";
    try {
      this.#parser.feed(bytes);
    } catch (error) {
      this.#failed(error);
    }
    return this.#take();
  }

  end(): string {
    if (this.done) return "";
    try {
      this.#parser.end();
      if (!this.done) this.#flushHooks();
    } catch (error) {
      this.#failed(error);
    }
    if (this.done) return this.#take();
    // An upstream that finished but left out [DONE] still answered in full.
    if (this.#finishReason !== undefined) this.#complete();
    else this.#fail(endedError(this.#noise, this.started));
    return this.#take();
  }

  fail(error: UpstreamResponseError): string {
    if (this.done) return "";
    this.#fail(error);
    return this.#take();
  }

  whole(message: AnthropicMessage): string {
    const encoder = this.#options.encoder();
    for (const event of messageEvents(message)) encoder.event(event);
    this.started = true;
    this.content = true;
    this.completed = true;
    this.stopReason = message.stop_reason ?? undefined;
    return encoder.take();
  }

  #onEvent(event: SseEvent): void {
    if (this.done) return;
    const data = event.data.trim();
    if (data === "[DONE]") {
      this.#flushHooks();
      if (this.done) return;
      const problem = this.started ? this.#toolCalls.problem(this.#finishReason) : undefined;
      if (!this.started) this.#fail(endedError(this.#noise, false));
      else if (problem) this.#fail(malformedAnswerError(problem));
      else {
        // The upstream ended the turn without a finish_reason: the client gets the one the Anthropic-bound
        // translation gives such a turn (the OpenAI SDK refuses a stream without one).
        if (this.#finishReason === undefined) this.#finish(this.#toolCalls.any ? "tool_calls" : "stop");
        this.#complete();
      }
      return;
    }
    const chunk = readOpenAIChunkEvent(event, data);
    if (chunk === undefined) return;
    if (UpstreamResponseError.isInstance(chunk)) {
      this.#fail(chunk);
      return;
    }
    const onChunk = this.#options.onChunk;
    if (!onChunk) {
      this.#chunk(chunk, data);
      return;
    }
    const out = onChunk(chunk);
    if (out === chunk) this.#chunk(chunk, data);
    else this.#chunks(out);
  }

  #chunks(chunks: OpenAIChatChunk | OpenAIChatChunk[] | null): void {
    if (chunks === null) return;
    if (Array.isArray(chunks)) for (const each of chunks) this.#chunk(each, undefined);
    else this.#chunk(chunks, undefined);
  }

  /** One chunk read for the facts and written on; `raw` is its text when it passes unchanged. */
  #chunk(chunk: OpenAIChatChunk, raw: string | undefined): void {
    if (this.done) return;
    this.started = true;
    this.#last = chunk;
    const choice = firstChoice(chunk);
    // Moonshot (Kimi) reports stream usage inside the choice.
    const usage = usageOf(chunk.usage) ?? usageOf(choice?.usage);
    if (usage) this.#usage = usage;
    if (choice) {
      const delta = choice.delta;
      if (carriesContent(delta)) {
        // The usage-only chunk may follow the finish; more content would be cut from an answer taken as whole.
        if (this.#finishReason !== undefined) {
          this.#fail(malformedAnswerError("content after the choice's finish_reason", chunk));
          return;
        }
        this.content = true;
        this.#toolCalls.add(delta);
      }
      if (choice.finish_reason && this.#finishReason === undefined) {
        const problem = this.#toolCalls.problem(choice.finish_reason);
        if (problem) {
          this.#fail(malformedAnswerError(problem));
          return;
        }
        this.content = true;
        this.#finishReason = choice.finish_reason;
        this.stopReason = mapFinishReason(choice.finish_reason);
      }
    } else if (usage && !this.#options.includeUsage) {
      // The usage-only chunk CCR asked for on its own account: the client did not.
      return;
    }
    this.#output += `data: ${this.#withClientModel(chunk, raw)}\n\n`;
  }

  /** The chunk's text with the client's model name: one string search when the text is the upstream's. */
  #withClientModel(chunk: OpenAIChatChunk, raw: string | undefined): string {
    const model = chunk.model;
    if (model === undefined || model === this.#options.requestedModel) return raw ?? JSON.stringify(chunk);
    if (raw !== undefined) {
      if (model !== this.#upstreamModel) {
        this.#upstreamModel = model;
        this.#modelField = `"model":${JSON.stringify(model)}`;
      }
      const at = raw.indexOf(this.#modelField);
      if (at >= 0)
        return `${raw.slice(0, at)}${this.#clientModelField}${raw.slice(at + this.#modelField.length)}`;
    }
    return JSON.stringify({ ...chunk, model: this.#options.requestedModel });
  }

  #flushHooks(): void {
    if (this.#flushed || !this.#options.onFlush) return;
    this.#flushed = true;
    this.#chunks(this.#options.onFlush());
  }

  #finish(reason: string): void {
    this.#finishReason = reason;
    this.stopReason = mapFinishReason(reason);
    const { id, created } = this.#last ?? {};
    const chunk = { id, object: "chat.completion.chunk", created, model: this.#options.requestedModel };
    this.#output += `data: ${JSON.stringify({ ...chunk, choices: [{ index: 0, delta: {}, finish_reason: reason }] })}\n\n`;
  }

  #complete(): void {
    this.completed = true;
    this.content = true;
    this.#output += "data: [DONE]\n\n";
  }

  #fail(error: UpstreamResponseError): void {
    if (this.done) return;
    this.error = error;
    if (!this.content) return;
    const encoder = this.#options.encoder();
    encoder.error(error);
    this.#output += encoder.take();
  }

  #failed(error: unknown): void {
    this.#fail(translationFailure(error));
  }

  #addNoise(text: string): void {
    if (this.#noise.length < MAX_NOISE_CHARS)
      this.#noise = `${this.#noise}${this.#noise ? "\n" : ""}${text}`.slice(0, MAX_NOISE_CHARS);
  }

  #take(): string {
    const text = this.#output;
    this.#output = "";
    return text;
  }
}
