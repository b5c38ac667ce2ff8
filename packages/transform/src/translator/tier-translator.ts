import type { Ingress } from "../ingress/ingress.js";
import type { StreamTranslation } from "../stream/stream-translation.js";
import type { TierContext, TierProtocol, TransformerSpec } from "../transformer/transformer.js";
import type { TransformerRegistry } from "../transformer/transformer-registry.js";
import type { AnthropicMessage, AnthropicMessagesRequest } from "../types/anthropic.js";
import type { OpenAIChatRequest } from "../types/openai.js";

export interface TranslatorOptions {
  /** The upstream's wire protocol. */
  readonly protocol: TierProtocol;
  /** The model name sent upstream. */
  readonly model: string;
  /** The provider name, handed to transformers (and to adapted claude-code-router modules). */
  readonly provider?: string;
  /** The tier's transformers, in order (provider-wide first, then the model's). */
  readonly transformers?: readonly TransformerSpec[];
  /** Where transformer names are looked up. Default: a shared registry of the built-ins. */
  readonly registry?: TransformerRegistry;
}

export interface TierRequest {
  /** The JSON body to POST upstream. */
  readonly body: OpenAIChatRequest | AnthropicMessagesRequest;
  /** Headers the transformers add (auth and content-type are the caller's). */
  readonly headers: Record<string, string>;
  /** Hand it back to `response` or `stream` for this attempt. */
  readonly context: TierContext;
}

/** An upstream's whole answer, translated. */
export interface TierAnswer {
  /** The answer in the client's protocol (the ingress's). */
  readonly body: unknown;
  /** The same answer in canonical form: its usage, or the stream it becomes for a client that asked for one. */
  readonly message: AnthropicMessage;
}

/**
 * One tier's translation, created once per tier and used for every attempt: the client's request (in its
 * canonical form) to the upstream's protocol, and the upstream's answers back to the client's protocol (the
 * request's ingress). `request` and `response` are async because user transformer modules may be; the
 * built-in path never waits on anything.
 */
export interface TierTranslator {
  readonly protocol: TierProtocol;
  readonly model: string;
  /**
   * @param ingress The client's protocol; answers are written in it. Default: Anthropic Messages.
   * @throws TranslationError (400) when the request cannot be expressed for this upstream.
   */
  request(request: AnthropicMessagesRequest, ingress?: Ingress): Promise<TierRequest>;
  /** The upstream's 200 JSON body → the client's answer. @throws UpstreamResponseError when the body is an error. */
  response(body: unknown, context: TierContext): Promise<TierAnswer>;
  /** The upstream's stream → the client's stream, as synchronous steps (the one stream API). */
  stream(context: TierContext): StreamTranslation;
  /**
   * Present when a transformer rewrites the upstream's raw stream as a web stream (claude-code-router
   * modules' `transformResponseOut`): the caller runs the body through it before `stream`'s translation.
   */
  readonly rewriteStream?: (
    body: ReadableStream<Uint8Array>,
    context: TierContext,
  ) => ReadableStream<Uint8Array>;
}
