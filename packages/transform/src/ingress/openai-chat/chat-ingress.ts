import type { AnthropicMessage } from "../../types/anthropic.js";
import type { OpenAIChatRequest, OpenAIChatResponse } from "../../types/openai.js";
import type { Ingress } from "../ingress.js";
import { type OpenAIErrorBody, openAIErrorBody } from "../openai-error-body.js";
import { chatChunkEncoder } from "./chat-chunk-encoder.js";
import { chatCompletion } from "./chat-completion.js";

/**
 * A Chat Completions client's side of one request. It carries the client's own request, so a tier that speaks
 * the same protocol gets it as it came (see `createTranslator`: only the model and what the tier's
 * transformers change), while other tiers work from the canonical form.
 */
export interface ChatIngress extends Ingress {
  readonly protocol: "openai-chat";
  /** The client's request, validated. Never mutate it: every tier of the cascade starts from it. */
  readonly request: OpenAIChatRequest;
  /** `stream_options.include_usage`: the stream ends with a usage chunk. */
  readonly includeUsage: boolean;
  message(message: AnthropicMessage): OpenAIChatResponse;
  errorBody(status: number, message: string, param?: string): OpenAIErrorBody;
}

/** The ingress of one Chat Completions request. */
export function createChatIngress(request: OpenAIChatRequest, now: () => number = Date.now): ChatIngress {
  const created = Math.floor(now() / 1000);
  const includeUsage = request.stream_options?.include_usage === true;
  const chunkOptions = { model: request.model, created, includeUsage };
  return {
    protocol: "openai-chat",
    request,
    includeUsage,
    message: (message) => chatCompletion(message, request.model, created),
    streamEncoder: () => chatChunkEncoder(chunkOptions),
    errorBody: openAIErrorBody,
  };
}

/** Whether a request's ingress is a Chat Completions client's, with its own request to pass through. */
export function isChatIngress(ingress: Ingress): ingress is ChatIngress {
  return ingress.protocol === "openai-chat" && "request" in ingress;
}
