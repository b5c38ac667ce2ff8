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

/**
 * One tier's translation, created once per tier and used for every attempt.
 * `request` and `response` are async because user transformer modules may
 * be; the built-in path never waits on anything.
 */
export interface TierTranslator {
  readonly protocol: TierProtocol;
  readonly model: string;
  /** @throws TranslationError (400) when the request cannot be expressed for this upstream. */
  request(request: AnthropicMessagesRequest): Promise<TierRequest>;
  /** The upstream's 200 JSON body → the Anthropic message. @throws UpstreamResponseError when the body is an error. */
  response(body: unknown, context: TierContext): Promise<AnthropicMessage>;
  /**
   * Upstream SSE bytes → Anthropic SSE bytes. The output errors with
   * UpstreamResponseError when the upstream's first event is an error;
   * later errors become `event: error` frames.
   */
  stream(context: TierContext): TransformStream<Uint8Array, Uint8Array>;
  /**
   * The same translation as `stream`, as synchronous steps for a caller that reads the upstream body
   * itself; undefined when a transformer of the tier rewrites the upstream stream as a web stream
   * (`openaiStream`), which only `stream` can run.
   */
  streamTranslation(context: TierContext): StreamTranslation | undefined;
}
