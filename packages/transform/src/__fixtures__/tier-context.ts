import { anthropicIngress } from "../ingress/anthropic/anthropic-ingress.js";
import { translationStream } from "../stream/web-streams.js";
import type { TierContext } from "../transformer/transformer.js";
import type { TierTranslator } from "../translator/tier-translator.js";
import { createTranslationContext } from "../translation-context.js";
import type { AnthropicMessagesRequest } from "../types/anthropic.js";
import type { OpenAIChatChunk, OpenAIChatRequest, OpenAIChunkDelta } from "../types/openai.js";
import type { OpenAIChunkHook } from "../transformer/transformer.js";

/**
 * Test support for transformer tests: a context as the translator builds it,
 * a minimal OpenAI body and chunk, and a runner feeding chunks through a hook.
 */
export function tierContext(
  overrides: Omit<Partial<TierContext>, "request"> & { request?: Partial<AnthropicMessagesRequest> } = {},
): TierContext {
  const request: AnthropicMessagesRequest = {
    model: "claude-sonnet-4-5",
    max_tokens: 32000,
    messages: [{ role: "user", content: "hi" }],
    ...overrides.request,
  };
  const { request: _request, ...rest } = overrides;
  return {
    protocol: "openai",
    model: "test-model",
    provider: "test",
    requestedModel: request.model,
    stream: request.stream === true,
    translation: createTranslationContext(request.model),
    ingress: anthropicIngress,
    ...rest,
    request,
  };
}

export function openAIBody(overrides: Partial<OpenAIChatRequest> = {}): OpenAIChatRequest {
  return { model: "test-model", messages: [{ role: "user", content: "hi" }], max_tokens: 32000, ...overrides };
}

export function chunk(delta: OpenAIChunkDelta, finishReason: string | null = null): OpenAIChatChunk {
  return { id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

/** Every chunk the hook emits for the inputs, in order. */
export function runChunks(hook: OpenAIChunkHook, inputs: OpenAIChatChunk[]): OpenAIChatChunk[] {
  const out: OpenAIChatChunk[] = [];
  for (const input of inputs) {
    const result = hook(input);
    if (result === null) continue;
    if (Array.isArray(result)) out.push(...result);
    else out.push(result);
  }
  return out;
}

/** The deltas of the chunks, for compact assertions. */
export function deltas(chunks: OpenAIChatChunk[]): unknown[] {
  return chunks.map((c) => {
    const choice = c.choices?.[0];
    if (!choice) return { usage: c.usage };
    return choice.finish_reason ? { ...choice.delta, finish_reason: choice.finish_reason } : choice.delta;
  });
}

/** The upstream body through a tier's translation, as a web stream: its stream rewriters first, as the router runs them. */
export function pipeTranslator(
  body: ReadableStream<Uint8Array>,
  translator: TierTranslator,
  context: TierContext,
): ReadableStream<Uint8Array> {
  const source = translator.rewriteStream ? translator.rewriteStream(body, context) : body;
  return source.pipeThrough(translationStream(() => translator.stream(context)));
}
