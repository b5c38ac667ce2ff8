// --- core: Anthropic ⇄ OpenAI main path (types, SSE, request, response, stream, errors) ---

export { anthropicErrorType } from "./errors/anthropic-error-type.js";
export { CcrTransformError } from "./errors/ccr-transform-error.js";
export { openAIErrorMessage, openAIErrorStatus } from "./errors/openai-error-message.js";
export type { RequestIssue } from "./errors/request-validation-error.js";
export { RequestValidationError } from "./errors/request-validation-error.js";
export { toAnthropicErrorBody } from "./errors/to-anthropic-error-body.js";
export { TranslationError } from "./errors/translation-error.js";
export { isRetryableStatus, UpstreamResponseError } from "./errors/upstream-response-error.js";
export { anthropicIngress } from "./ingress/anthropic/anthropic-ingress.js";
export { anthropicSseEncoder } from "./ingress/anthropic/anthropic-sse-encoder.js";
export { decodeAnthropicRequest } from "./ingress/anthropic/decode-anthropic-request.js";
export type {
  DecodeAnthropicRequestOptions,
  DecodedAnthropicRequest,
} from "./ingress/anthropic/decoded-anthropic-request.js";
export type { RequestLimits } from "./ingress/anthropic/request-limits.js";
export { DEFAULT_REQUEST_LIMITS } from "./ingress/anthropic/request-limits.js";
export type { RequestRepair } from "./ingress/anthropic/request-repair.js";
export type { ClientProtocol, Ingress } from "./ingress/ingress.js";
export { type ChatChunkOptions, chatChunkEncoder } from "./ingress/openai-chat/chat-chunk-encoder.js";
export { chatCompletion } from "./ingress/openai-chat/chat-completion.js";
export { type ChatIngress, createChatIngress, isChatIngress } from "./ingress/openai-chat/chat-ingress.js";
export {
  type ChatPassthroughOptions,
  chatPassthroughTranslation,
} from "./ingress/openai-chat/chat-passthrough-stream.js";
export { chatToAnthropicRequest } from "./ingress/openai-chat/chat-to-anthropic-request.js";
export { type DecodedChatRequest, decodeChatRequest } from "./ingress/openai-chat/decode-chat-request.js";
export { type OpenAIErrorBody, openAIErrorBody } from "./ingress/openai-error-body.js";
export {
  type DecodedResponsesRequest,
  decodeResponsesRequest,
} from "./ingress/openai-responses/decode-responses-request.js";
export { responsesEventEncoder } from "./ingress/openai-responses/responses-event-encoder.js";
export {
  createResponsesIngress,
  type ResponsesIngress,
} from "./ingress/openai-responses/responses-ingress.js";
export type { ResponsesAnswerOptions } from "./ingress/openai-responses/responses-output.js";
export type { ClientToolName } from "./ingress/openai-responses/responses-tools.js";
export { anthropicToOpenAIRequest } from "./request/anthropic-to-openai-request.js";
export type { RequestTranslationOptions } from "./request/request-translation-options.js";
export { mapFinishReason } from "./response/map-finish-reason.js";
export { openAIToAnthropicResponse } from "./response/openai-to-anthropic-response.js";
export { openAIUsageToAnthropic } from "./response/openai-usage-to-anthropic.js";
export type { SseDecoderOptions } from "./sse/create-sse-decoder.js";
export { createSseDecoder } from "./sse/create-sse-decoder.js";
export type { SseParser, SseParserOptions } from "./sse/create-sse-parser.js";
export { createSseParser } from "./sse/create-sse-parser.js";
export { encodeSseEvent, formatSseEvent } from "./sse/encode-sse-event.js";
export type { SseEvent } from "./sse/sse-event.js";
export { messageEvents } from "./stream/message-events.js";
export type { StreamTranslationOptions } from "./stream/openai-to-anthropic-stream.js";
export {
  openAIChatStreamDecoder,
  openAIToAnthropicStream,
  openAIToAnthropicTranslation,
} from "./stream/openai-to-anthropic-stream.js";
export type { CanonicalEvents, StreamDecoder } from "./stream/stream-decoder.js";
export type { StreamEncoder } from "./stream/stream-encoder.js";
export type { StreamFacts } from "./stream/stream-facts.js";
export type { StreamTranslation } from "./stream/stream-translation.js";
export { translateStream } from "./stream/stream-translation.js";
export { type TokenUsage, tokenUsage } from "./stream/token-usage.js";
export { translationStream } from "./stream/web-streams.js";
export { normalizeToolId } from "./tool-ids.js";
export { MAX_TOOL_NAME_LENGTH, restoreToolName, shortenToolName } from "./tool-names.js";
export type { TranslationContext } from "./translation-context.js";
export { createTranslationContext } from "./translation-context.js";
export type * from "./types/anthropic.js";
export type * from "./types/openai.js";
export type * from "./types/openai-responses.js";

// --- end core ---

// --- transformers, per-tier translator, reverse direction, passthrough ---

export { anthropicErrorStatus } from "./passthrough/anthropic-error-status.js";
export { anthropicPassthroughResponse } from "./passthrough/anthropic-passthrough-response.js";
export {
  anthropicPassthroughStream,
  anthropicPassthroughTranslation,
  anthropicStreamDecoder,
} from "./passthrough/anthropic-passthrough-stream.js";
export { adaptTransformerModule } from "./transformer/adapt-transformer-module.js";
export type {
  MaybePromise,
  OpenAIChunkHook,
  TierContext,
  TierProtocol,
  Transformer,
  TransformerFactory,
  TransformerSpec,
} from "./transformer/transformer.js";
export { TransformerConfigError } from "./transformer/transformer-config-error.js";
export {
  booleanOption,
  isRecord,
  numberOption,
  positiveIntegerOption,
  recordOption,
} from "./transformer/transformer-options.js";
export type { TransformerRegistry } from "./transformer/transformer-registry.js";
export { createTransformerRegistry } from "./transformer/transformer-registry.js";
export { builtinTransformers } from "./transformers/builtin-transformers.js";
export { mapToolParameters } from "./transformers/map-tool-parameters.js";
export { repairToolArguments } from "./transformers/repair-tool-arguments.js";
export { createTranslator } from "./translator/create-translator.js";
export type {
  TierAnswer,
  TierRequest,
  TierTranslator,
  TranslatorOptions,
} from "./translator/tier-translator.js";

// --- end transformers ---
