import { jsonKind, malformedAnswerError } from "../errors/malformed-answer-error.js";
import { isOpenAIErrorBody, openAIErrorMessage, openAIErrorStatus } from "../errors/openai-error-message.js";
import { streamEndedError } from "../errors/stream-ended-error.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { anthropicSseEncoder } from "../ingress/anthropic/anthropic-sse-encoder.js";
import { mapFinishReason } from "../response/map-finish-reason.js";
import { createSseParser } from "../sse/create-sse-parser.js";
import type { SseEvent } from "../sse/sse-event.js";
import { isRecord } from "../transformer/transformer-options.js";
import type { TranslationContext } from "../translation-context.js";
import type { OpenAIChatChunk, OpenAIChunkDelta, OpenAIUsage } from "../types/openai.js";
import { AnthropicStreamBuilder } from "./anthropic-stream-builder.js";
import { firstChoicePosition, openAIChunkProblem } from "./openai-chunk-shape.js";
import type { CanonicalEvents, StreamDecoder } from "./stream-decoder.js";
import { type StreamTranslation, translateStream } from "./stream-translation.js";
import { translationStream } from "./web-streams.js";

export type StreamTranslationOptions = {
  /** Rewrites each upstream chunk before translation: return a replacement, several chunks, or null to drop it. */
  onChunk?: (chunk: OpenAIChatChunk) => OpenAIChatChunk | OpenAIChatChunk[] | null;
  /**
   * Called once when the upstream stream ends (`[DONE]` or the end of the
   * body, not on an error); the chunks it returns are translated before the
   * message ends. For a hook that holds chunks back (`OpenAIChunkHook.flush`).
   */
  onFlush?: () => OpenAIChatChunk | OpenAIChatChunk[] | null;
};

/** How much of a non-SSE reply is kept to explain a failed stream. */
export const MAX_NOISE_CHARS = 2000;

/**
 * OpenAI Chat Completions SSE bytes → Anthropic Messages SSE text, as synchronous steps: whatever one push
 * completes is translated before it returns (message_start leaves with the first chunk). See
 * {@link StreamTranslation} for how failures are reported; a stream cut before its finish_reason and without
 * [DONE] is a failure too, so it never passes for a complete reply. The translation is done at [DONE] or an
 * error, so an upstream that keeps the connection open after [DONE] cannot stall the client.
 */
export function openAIToAnthropicTranslation(
  context: TranslationContext,
  options: StreamTranslationOptions = {},
): StreamTranslation {
  return translateStream(
    (events) => openAIChatStreamDecoder(context, options, events),
    anthropicSseEncoder(),
  );
}

/** {@link openAIToAnthropicTranslation} as a TransformStream of bytes, for callers that want web streams. */
export function openAIToAnthropicStream(
  context: TranslationContext,
  options: StreamTranslationOptions = {},
): TransformStream<Uint8Array, Uint8Array> {
  return translationStream(() => openAIToAnthropicTranslation(context, options));
}

/**
 * An OpenAI Chat Completions stream read as canonical (Anthropic) events: the chunks' deltas become
 * content blocks through {@link AnthropicStreamBuilder}; an error chunk, an error event, or a stream that is
 * not SSE at all becomes a failure carrying what the upstream said.
 */
export function openAIChatStreamDecoder(
  context: TranslationContext,
  options: StreamTranslationOptions,
  events: CanonicalEvents,
): StreamDecoder {
  let closed = false;
  const builder = new AnthropicStreamBuilder(context, (event) => events.event(event));
  let noise = "";
  const addNoise = (text: string) => {
    if (noise.length < MAX_NOISE_CHARS)
      noise = `${noise}${noise ? "\n" : ""}${text}`.slice(0, MAX_NOISE_CHARS);
  };

  const fail = (error: UpstreamResponseError) => {
    if (closed) return;
    closed = true;
    events.error(error);
  };

  const complete = () => {
    if (closed) return;
    const problem = builder.end();
    if (problem) return fail(malformedAnswerError(problem));
    closed = true;
  };

  const translate = (chunk: OpenAIChatChunk) => {
    const choice = firstChoice(chunk);
    // Moonshot (Kimi) reports stream usage inside the choice.
    const usage = usageOf(chunk.usage) ?? usageOf(choice?.usage);
    builder.start(chunk.id, usage);
    if (usage) builder.recordUsage(usage);
    if (!choice) return;
    const delta = choice.delta;
    if (builder.isFinished) {
      // The usage-only chunk may follow the finish; more content would be cut from an answer sent as whole.
      if (carriesContent(delta))
        fail(malformedAnswerError("content after the choice's finish_reason", chunk));
      return;
    }
    if (delta) {
      const reasoning = delta.reasoning_content ?? delta.reasoning;
      if (typeof reasoning === "string") builder.thinking(reasoning);
      if (typeof delta.content === "string") builder.text(delta.content);
      if (typeof delta.refusal === "string") builder.text(delta.refusal);
      if (Array.isArray(delta.tool_calls)) {
        for (const [position, call] of delta.tool_calls.entries()) builder.toolCall(call, position);
      } else if (isRecord(delta.function_call)) {
        // The legacy single-function form older servers still stream.
        builder.toolCall({ index: 0, function: delta.function_call }, 0);
      }
    }
    if (choice.finish_reason) {
      const problem = builder.finish(mapFinishReason(choice.finish_reason));
      if (problem) fail(malformedAnswerError(problem));
    }
  };

  const translateAll = (chunks: OpenAIChatChunk | OpenAIChatChunk[] | null) => {
    if (chunks === null) return;
    if (Array.isArray(chunks)) for (const each of chunks) translate(each);
    else translate(chunks);
  };

  /** What the hooks still hold, translated once the upstream is done. */
  let flushed = false;
  const flushHooks = () => {
    if (flushed || !options.onFlush) return;
    flushed = true;
    translateAll(options.onFlush());
  };

  const onEvent = (event: SseEvent) => {
    if (closed) return;
    const data = event.data.trim();
    if (data === "[DONE]") {
      flushHooks();
      if (builder.hasStarted) complete();
      else fail(endedError(noise, false));
      return;
    }
    const chunk = readOpenAIChunkEvent(event, data);
    if (chunk === undefined) return;
    if (UpstreamResponseError.isInstance(chunk)) return fail(chunk);
    translateAll(options.onChunk ? options.onChunk(chunk) : chunk);
  };

  const parser = createSseParser(onEvent, { onInvalidLine: addNoise });

  return {
    push(bytes) {
      parser.feed(bytes);
    },
    end() {
      parser.end();
      if (closed) return;
      flushHooks();
      if (closed) return;
      if (builder.isFinished) complete();
      else fail(endedError(noise, builder.hasStarted));
    },
  };
}

/**
 * An upstream event's chunk (`data` is its trimmed text, not `[DONE]`); the failure it is, an error from the
 * upstream or a frame that is no well-formed chunk (see openAIChunkProblem); or undefined for an event that
 * carries none (a keep-alive). For every reader of OpenAI-compatible streams, so they fail alike.
 */
export function readOpenAIChunkEvent(
  event: SseEvent,
  data: string,
): OpenAIChatChunk | UpstreamResponseError | undefined {
  // An empty event is a keep-alive.
  if (data === "") return undefined;
  const named = event.event !== undefined && event.event !== "message";
  let chunk: unknown;
  try {
    chunk = JSON.parse(data);
  } catch {
    if (event.event === "error") return streamError(data, data);
    // Chunks come in unnamed events: an event of another name is not one (a keep-alive of some dialect).
    return named ? undefined : malformedAnswerError(`a frame that is not JSON: ${data.slice(0, 200)}`);
  }
  // Google's endpoints wrap an error in a one-element array (`[{"error": {...}}]`).
  if (Array.isArray(chunk) && openAIErrorMessage(chunk)) return streamError(chunk, data);
  if (!isRecord(chunk)) {
    if (event.event === "error") return streamError(chunk, data);
    if (named) return undefined;
    return malformedAnswerError(`a frame that is ${jsonKind(chunk)}, not a chunk: ${data.slice(0, 200)}`);
  }
  if (event.event === "error" || isOpenAIErrorBody(chunk) || firstChoice(chunk)?.finish_reason === "error")
    return streamError(chunk, data);
  if (named && chunk.choices === undefined && chunk.usage == null) return undefined;
  const problem = openAIChunkProblem(chunk);
  return problem ? malformedAnswerError(problem, chunk) : (chunk as OpenAIChatChunk);
}

/**
 * The choice Claude Code gets (see firstChoicePosition): an upstream asked for (or defaulting to) several
 * choices interleaves their chunks; the others are ignored. A chunk's shape is checked before this reads it.
 */
export function firstChoice(
  chunk: OpenAIChatChunk,
): NonNullable<OpenAIChatChunk["choices"]>[number] | undefined {
  const choices = chunk.choices;
  if (!Array.isArray(choices)) return undefined;
  const choice = choices[firstChoicePosition(choices)];
  return isRecord(choice) ? choice : undefined;
}

/** Whether a delta carries anything of the answer (a role, or empty strings and lists, carry nothing). */
export function carriesContent(delta: OpenAIChunkDelta | null | undefined): delta is OpenAIChunkDelta {
  if (!delta) return false;
  return (
    nonEmpty(delta.content) ||
    nonEmpty(delta.refusal) ||
    nonEmpty(delta.reasoning_content) ||
    nonEmpty(delta.reasoning) ||
    (Array.isArray(delta.tool_calls) && delta.tool_calls.length > 0) ||
    delta.function_call != null
  );
}

function nonEmpty(text: unknown): boolean {
  return typeof text === "string" && text !== "";
}

/** Usage of another type than an object is no usage: the output count is then estimated. */
export function usageOf(usage: unknown): OpenAIUsage | undefined {
  return isRecord(usage) ? (usage as OpenAIUsage) : undefined;
}

export function streamError(body: unknown, raw: string): UpstreamResponseError {
  const message = openAIErrorMessage(body) ?? raw.slice(0, MAX_NOISE_CHARS);
  return new UpstreamResponseError({
    status: openAIErrorStatus(body) ?? 502,
    message: `upstream error: ${message}`,
    body,
  });
}

/**
 * A stream that stopped before its finish_reason. If the upstream sent
 * something that was not SSE (a JSON error body with an event-stream
 * content type), that is the real reason and becomes the message.
 */
export function endedError(noise: string, started: boolean): UpstreamResponseError {
  if (!started && noise !== "") {
    let body: unknown = noise;
    try {
      body = JSON.parse(noise);
    } catch {
      // Not JSON: report the text as it came.
    }
    return streamError(body, noise);
  }
  return streamEndedError(started);
}
