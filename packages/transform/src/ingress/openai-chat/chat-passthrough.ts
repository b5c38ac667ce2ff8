import { openAIToAnthropicResponse } from "../../response/openai-to-anthropic-response.js";
import type { TranslationContext } from "../../translation-context.js";
import type { AnthropicMessage, AnthropicMessagesRequest } from "../../types/anthropic.js";
import type { OpenAIChatRequest, OpenAIChatResponse } from "../../types/openai.js";

/**
 * The body an OpenAI-compatible tier gets for a Chat Completions client: the client's own request with only
 * what must change. The model becomes the tier's; an output limit the router lowered for this tier's model
 * (its configured max output) is lowered in the field the client used; a stream asks for the usage chunk, so
 * the router can count tokens (the client gets that chunk only if it asked for it).
 */
export function chatPassthroughBody(
  client: OpenAIChatRequest,
  canonical: AnthropicMessagesRequest,
  model: string,
): OpenAIChatRequest {
  const body: OpenAIChatRequest = { ...client, model };
  const limit = canonical.max_tokens;
  if (typeof client.max_completion_tokens === "number" && client.max_completion_tokens > limit)
    body.max_completion_tokens = limit;
  if (typeof client.max_tokens === "number" && client.max_tokens > limit) body.max_tokens = limit;
  if (client.stream === true && client.stream_options?.include_usage !== true)
    body.stream_options = { ...client.stream_options, include_usage: true };
  return body;
}

/**
 * An OpenAI-compatible tier's JSON answer for a Chat Completions client: the upstream's own answer with the
 * client's model name, and its canonical form for the router (usage, and the stream it becomes for a client
 * that asked for one and got a whole answer).
 *
 * @throws UpstreamResponseError when the body is an error or carries no answer.
 */
export function chatPassthroughResponse(
  body: OpenAIChatResponse,
  context: TranslationContext,
): { body: OpenAIChatResponse; message: AnthropicMessage } {
  const message = openAIToAnthropicResponse(body, context);
  return { body: { ...body, model: context.requestedModel }, message };
}
