import { isOpenAIErrorBody } from "../errors/openai-error-message.js";
import { anthropicIngress } from "../ingress/anthropic/anthropic-ingress.js";
import { isChatIngress } from "../ingress/openai-chat/chat-ingress.js";
import { chatPassthroughBody, chatPassthroughResponse } from "../ingress/openai-chat/chat-passthrough.js";
import { chatPassthroughTranslation } from "../ingress/openai-chat/chat-passthrough-stream.js";
import { anthropicPassthroughResponse } from "../passthrough/anthropic-passthrough-response.js";
import { anthropicStreamDecoder } from "../passthrough/anthropic-passthrough-stream.js";
import { anthropicToOpenAIRequest } from "../request/anthropic-to-openai-request.js";
import type { RequestTranslationOptions } from "../request/request-translation-options.js";
import { openAIToAnthropicResponse } from "../response/openai-to-anthropic-response.js";
import {
  openAIChatStreamDecoder,
  type StreamTranslationOptions,
} from "../stream/openai-to-anthropic-stream.js";
import { translateStream } from "../stream/stream-translation.js";
import type { TierContext, Transformer } from "../transformer/transformer.js";
import { createTransformerRegistry, type TransformerRegistry } from "../transformer/transformer-registry.js";
import { createTranslationContext } from "../translation-context.js";
import type { AnthropicMessage, AnthropicMessagesRequest } from "../types/anthropic.js";
import type { OpenAIChatRequest, OpenAIChatResponse } from "../types/openai.js";
import { composeChunkHooks } from "./compose-chunk-hooks.js";
import type { TierRequest, TierTranslator, TranslatorOptions } from "./tier-translator.js";

let sharedRegistry: TransformerRegistry | undefined;

/** Built lazily, so importing the package costs nothing until a translator is made. */
function defaultRegistry(): TransformerRegistry {
  sharedRegistry ??= createTransformerRegistry();
  return sharedRegistry;
}

type MutableContext = { -readonly [K in keyof TierContext]: TierContext[K] };

/**
 * The translation for one tier: its protocol, its model and its transformer
 * chain, resolved once. For `openai` it is the Anthropic ⇄ OpenAI
 * translation with the transformers' hooks around it; for `anthropic` it is
 * the passthrough (model replaced, Anthropic fields kept, request hooks
 * applied, answers checked for errors and echoing the client's model name).
 *
 * The pair is chosen per request by the client's protocol (its ingress) and the tier's: a Chat Completions
 * client on an `openai` tier is a passthrough too (the client's own body with the tier's model, the
 * `openaiRequest` hooks and headers applied; the upstream's chunks relayed as they come, through the
 * `openaiChunks` hooks). Every other pair goes through the canonical form.
 *
 * @throws TransformerConfigError for an unknown transformer name or bad options.
 */
export function createTranslator(options: TranslatorOptions): TierTranslator {
  const registry = options.registry ?? defaultRegistry();
  const transformers = (options.transformers ?? []).map((spec) => registry.create(spec));
  const reversed = [...transformers].reverse();
  const { protocol, model } = options;

  const translation: RequestTranslationOptions = { model };
  for (const transformer of transformers) Object.assign(translation, transformer.translation);
  translation.model = model;

  const anthropicRequestHooks = hooks(transformers, "anthropicRequest");
  const openaiRequestHooks = protocol === "openai" ? hooks(transformers, "openaiRequest") : [];
  const headerHooks = transformers.filter((t) => t.headers);
  const openaiResponseHooks = protocol === "openai" ? hooks(reversed, "openaiResponse") : [];
  const chunkHookFactories = reversed.filter((t) => t.openaiChunks);
  const streamHooks = protocol === "openai" ? reversed.filter((t) => t.openaiStream) : [];

  /** The tier's chunk hooks, fresh for one stream (they may hold state, such as chunks held back). */
  const chunkOptions = (context: TierContext): StreamTranslationOptions => {
    const onChunk = composeChunkHooks(chunkHookFactories.map((t) => t.openaiChunks!(context)));
    return onChunk ? { onChunk, ...(onChunk.flush ? { onFlush: onChunk.flush } : {}) } : {};
  };

  return {
    protocol,
    model,
    async request(clientRequest, ingress = anthropicIngress) {
      const context: MutableContext = {
        protocol,
        model,
        provider: options.provider,
        requestedModel: clientRequest.model,
        stream: clientRequest.stream === true,
        request: clientRequest,
        ingress,
        translation: createTranslationContext(clientRequest.model, { stream: clientRequest.stream === true }),
      };
      let body: OpenAIChatRequest | AnthropicMessagesRequest;
      if (protocol === "openai") {
        let openai: OpenAIChatRequest;
        if (isChatIngress(ingress)) {
          openai = chatPassthroughBody(ingress.request, clientRequest, model);
        } else {
          const translated = anthropicToOpenAIRequest(
            await anthropicHooks(clientRequest, context),
            translation,
          );
          context.translation = translated.context;
          openai = translated.body;
        }
        for (const [transformer, hook] of openaiRequestHooks)
          openai = await hook.call(transformer, openai, context);
        body = openai;
      } else {
        const anthropic = await anthropicHooks(clientRequest, context);
        body = anthropic.model === model ? anthropic : { ...anthropic, model };
      }

      const headers: Record<string, string> = {};
      for (const transformer of headerHooks) Object.assign(headers, transformer.headers?.(context));
      return { body, headers, context } satisfies TierRequest;
    },

    async response(body, context) {
      if (protocol === "openai" && isChatIngress(context.ingress))
        return chatPassthroughResponse(await answerHooks(body, context), context.translation);
      const message = await canonicalMessage(body, context);
      return { body: context.ingress.message(message), message };
    },

    stream(context) {
      const ingress = context.ingress;
      if (protocol === "openai" && isChatIngress(ingress)) {
        return chatPassthroughTranslation({
          ...chunkOptions(context),
          requestedModel: context.requestedModel,
          includeUsage: ingress.includeUsage,
          encoder: () => ingress.streamEncoder(),
        });
      }
      const encoder = ingress.streamEncoder();
      if (protocol === "anthropic")
        return translateStream((events) => anthropicStreamDecoder(context.requestedModel, events), encoder);
      return translateStream(
        (events) => openAIChatStreamDecoder(context.translation, chunkOptions(context), events),
        encoder,
      );
    },

    ...(streamHooks.length > 0 && {
      rewriteStream(body: ReadableStream<Uint8Array>, context: TierContext) {
        let upstream = body;
        for (const transformer of streamHooks) upstream = transformer.openaiStream!(upstream, context);
        return upstream;
      },
    }),
  };

  async function anthropicHooks(
    request: AnthropicMessagesRequest,
    context: TierContext,
  ): Promise<AnthropicMessagesRequest> {
    let anthropic = request;
    for (const [transformer, hook] of anthropicRequestHooks)
      anthropic = await hook.call(transformer, anthropic, context);
    return anthropic;
  }

  async function canonicalMessage(body: unknown, context: TierContext): Promise<AnthropicMessage> {
    if (protocol === "anthropic") return anthropicPassthroughResponse(body, context.requestedModel);
    return openAIToAnthropicResponse(await answerHooks(body, context), context.translation);
  }

  /** An openai tier's JSON answer through the tier's `openaiResponse` hooks. */
  async function answerHooks(body: unknown, context: TierContext): Promise<OpenAIChatResponse> {
    let openai = body as OpenAIChatResponse;
    // An error body is the core's to report: hooks only ever see real answers.
    const isAnswer = !isOpenAIErrorBody(openai) && Array.isArray(openai?.choices);
    if (isAnswer) {
      for (const [transformer, hook] of openaiResponseHooks)
        openai = await hook.call(transformer, openai, context);
    }
    return openai;
  }
}

type HookName = "anthropicRequest" | "openaiRequest" | "openaiResponse";

/** Each transformer that has the hook, with the hook, so the loop on the request path does no lookups. */
function hooks<K extends HookName>(
  transformers: readonly Transformer[],
  name: K,
): [Transformer, NonNullable<Transformer[K]>][] {
  const out: [Transformer, NonNullable<Transformer[K]>][] = [];
  for (const transformer of transformers) {
    const hook = transformer[name];
    if (hook) out.push([transformer, hook as NonNullable<Transformer[K]>]);
  }
  return out;
}
