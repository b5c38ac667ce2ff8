import type { AnthropicMessagesRequest } from "../../types/anthropic.js";
import type { OpenAIChatRequest } from "../../types/openai.js";
import { parseOpenAIRequest } from "../parse-openai-request.js";
import { type ChatIngress, createChatIngress } from "./chat-ingress.js";
import { chatRequestSchema } from "./chat-request-schema.js";
import { chatToAnthropicRequest } from "./chat-to-anthropic-request.js";

/** A Chat Completions request, decoded: the canonical request for routing, and the client's side of it. */
export interface DecodedChatRequest {
  readonly request: AnthropicMessagesRequest;
  readonly ingress: ChatIngress;
}

/**
 * `POST /v1/chat/completions`: the client's JSON body validated to the leaves and decoded into the canonical
 * request. Top-level `null`s mean "not set" in OpenAI's API and are dropped, so no tier receives them.
 *
 * @throws TranslationError (400) naming the first field at fault, in OpenAI's `param` form
 * (`messages[1].content[0].image_url.url`).
 */
export function decodeChatRequest(body: unknown, now?: () => number): DecodedChatRequest {
  const parsed = parseOpenAIRequest(chatRequestSchema, body) as Record<string, unknown>;
  for (const key in parsed) if (parsed[key] === null) delete parsed[key];
  const request = parsed as OpenAIChatRequest;
  return { request: chatToAnthropicRequest(request), ingress: createChatIngress(request, now) };
}
