import type { AnthropicMessage } from "../../types/anthropic.js";
import type { ResponsesResponse } from "../../types/openai-responses.js";
import type { Ingress } from "../ingress.js";
import { type OpenAIErrorBody, openAIErrorBody } from "../openai-error-body.js";
import { responsesEventEncoder } from "./responses-event-encoder.js";
import { type ResponsesAnswerOptions, responseFromMessage } from "./responses-output.js";

/** A Responses API client's side of one request (Codex CLI, the `openai` SDK's `responses`). */
export interface ResponsesIngress extends Ingress {
  readonly protocol: "openai-responses";
  message(message: AnthropicMessage): ResponsesResponse;
  errorBody(status: number, message: string, param?: string): OpenAIErrorBody;
}

/** The ingress of one Responses API request. */
export function createResponsesIngress(options: ResponsesAnswerOptions): ResponsesIngress {
  return {
    protocol: "openai-responses",
    message: (message) => responseFromMessage(message, options),
    streamEncoder: () => responsesEventEncoder(options),
    errorBody: openAIErrorBody,
  };
}
