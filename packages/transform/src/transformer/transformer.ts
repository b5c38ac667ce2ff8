import type { Ingress } from "../ingress/ingress.js";
import type { RequestTranslationOptions } from "../request/request-translation-options.js";
import type { TranslationContext } from "../translation-context.js";
import type { AnthropicMessagesRequest } from "../types/anthropic.js";
import type { OpenAIChatChunk, OpenAIChatRequest, OpenAIChatResponse } from "../types/openai.js";

/** Wire protocol of the upstream a tier talks to. */
export type TierProtocol = "openai" | "anthropic";

export type MaybePromise<T> = T | Promise<T>;

/**
 * What every hook of one upstream attempt sees. Created once per request by
 * the translator and handed back to its `response` / `stream`, so a hook can
 * use it as a WeakMap key to carry data from the request to the response.
 */
export interface TierContext {
  readonly protocol: TierProtocol;
  /** The model name sent upstream (the tier's model). */
  readonly model: string;
  /** The provider name of the tier, when the caller gave one. */
  readonly provider: string | undefined;
  /** The model Claude Code asked for; responses echo it. */
  readonly requestedModel: string;
  readonly stream: boolean;
  /** The client's request as received, before any transformer. Never mutate it: the cascade reuses it. */
  readonly request: AnthropicMessagesRequest;
  /** The client's protocol: answers are written in it. */
  readonly ingress: Ingress;
  /**
   * What the response and stream side of the translation need (tool names,
   * dropped tools...). On openai tiers it is filled by the translation, so
   * `anthropicRequest` hooks, which run before it, see an empty one.
   */
  readonly translation: TranslationContext;
}

/**
 * Rewrites the upstream's stream one OpenAI chunk at a time: return the chunk
 * (changed or not), several chunks, or null to drop it. Created once per
 * stream by `Transformer.openaiChunks`, so it may keep state in its closure.
 *
 * A hook that holds chunks back (to send them whole, or until a cut tag is
 * decided) also has a `flush`: called once when the upstream stream ends
 * (`[DONE]` or the end of the body), it returns what is still held, so
 * nothing is lost when an upstream ends without a finish_reason.
 */
export type OpenAIChunkHook = ((chunk: OpenAIChatChunk) => OpenAIChatChunk | OpenAIChatChunk[] | null) & {
  flush?: () => OpenAIChatChunk | OpenAIChatChunk[] | null;
};

/**
 * A named, composable change to what goes to a provider and what comes back.
 * Every hook is optional; a provider package is mostly a list of these.
 *
 * Rules for hooks: never mutate an argument (the client's request is reused
 * by the cascade and translated bodies share objects with it); return a new
 * object instead. One instance serves every request of a tier, so keep
 * per-request state in the `openaiChunks` closure or keyed by the context.
 *
 * Order: request hooks run in the order the transformers are listed;
 * response and stream hooks run in reverse, so the transformer nearest the
 * wire sees the raw upstream answer first.
 */
export interface Transformer {
  /** The name users write in `transformer.use`. */
  readonly name: string;
  /** Options for the Anthropic → OpenAI request translation (later transformers override earlier ones). */
  readonly translation?: Partial<RequestTranslationOptions>;
  /** The Anthropic request: the body itself for anthropic tiers, the input of the translation for openai tiers. */
  anthropicRequest?(
    request: AnthropicMessagesRequest,
    context: TierContext,
  ): MaybePromise<AnthropicMessagesRequest>;
  /** The translated OpenAI Chat Completions body (openai tiers only). */
  openaiRequest?(body: OpenAIChatRequest, context: TierContext): MaybePromise<OpenAIChatRequest>;
  /** Extra HTTP headers for the upstream request. */
  headers?(context: TierContext): Record<string, string>;
  /** The upstream's non-streaming JSON answer, before it is translated back (openai tiers only). */
  openaiResponse?(body: OpenAIChatResponse, context: TierContext): MaybePromise<OpenAIChatResponse>;
  /** A per-stream chunk rewriter, applied before chunks are translated back (openai tiers only). */
  openaiChunks?(context: TierContext): OpenAIChunkHook;
  /**
   * The raw upstream SSE bytes, for rewrites that cannot work chunk by chunk
   * (adapted claude-code-router modules use it). Prefer `openaiChunks`: it
   * costs no extra parse.
   */
  openaiStream?(body: ReadableStream<Uint8Array>, context: TierContext): ReadableStream<Uint8Array>;
}

/** Builds a transformer from the options written next to its name in the config. */
export type TransformerFactory = (options?: Readonly<Record<string, unknown>>) => Transformer;

/** A transformer reference as written in `transformer.use`: a name and its options. */
export interface TransformerSpec {
  readonly name: string;
  readonly options?: Readonly<Record<string, unknown>>;
}
