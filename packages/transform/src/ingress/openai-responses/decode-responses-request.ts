import type { AnthropicMessagesRequest } from "../../types/anthropic.js";
import type { ResponsesRequest } from "../../types/openai-responses.js";
import { parseOpenAIRequest } from "../parse-openai-request.js";
import { createResponsesIngress, type ResponsesIngress } from "./responses-ingress.js";
import { responsesRequestSchema } from "./responses-request-schema.js";
import { responsesToAnthropicRequest } from "./responses-to-anthropic-request.js";

/** A Responses API request, decoded: the canonical request for routing, and the client's side of it. */
export interface DecodedResponsesRequest {
  readonly request: AnthropicMessagesRequest;
  readonly ingress: ResponsesIngress;
  /** Hosted tools left out of the request (web_search...), which no tier can run. */
  readonly droppedTools: readonly string[];
}

/** Request fields the response object repeats, as OpenAI's does. */
const ECHOED = [
  "instructions",
  "max_output_tokens",
  "parallel_tool_calls",
  "temperature",
  "top_p",
  "tool_choice",
  "reasoning",
  "text",
  "store",
  "metadata",
];

/**
 * `POST /v1/responses`: the client's JSON body validated to the leaves and decoded into the canonical
 * request, with an ingress that answers in Responses API objects and events.
 *
 * @throws TranslationError (400) naming the first field at fault (`input[3].output`), or a feature that
 * needs stored responses (`previous_response_id`).
 */
export function decodeResponsesRequest(body: unknown, now: () => number = Date.now): DecodedResponsesRequest {
  const parsed = parseOpenAIRequest(responsesRequestSchema, body) as ResponsesRequest;
  const { request, toolset } = responsesToAnthropicRequest(parsed);
  const echo: Record<string, unknown> = { tools: [] };
  for (const key of ECHOED) echo[key] = parsed[key] ?? null;
  const summary = parsed.reasoning?.summary;
  const ingress = createResponsesIngress({
    model: parsed.model,
    createdAt: Math.floor(now() / 1000),
    names: toolset.names,
    reasoningSummary: typeof summary === "string" && summary !== "" && summary !== "none",
    echo,
  });
  return { request, ingress, droppedTools: toolset.dropped };
}
