import * as v from "valibot";
import { RequestValidationError } from "../../errors/request-validation-error.js";
import type { AnthropicCountTokensRequest, AnthropicMessagesRequest } from "../../types/anthropic.js";
import { checkCountLimits } from "./check-count-limits.js";
import { checkJsonLimits } from "./check-json-limits.js";
import { checkToolDefinitions } from "./check-tool-definitions.js";
import { collectRequestIssues } from "./collect-request-issues.js";
import { collectUnknownBlockTypes } from "./collect-unknown-block-types.js";
import type { DecodeAnthropicRequestOptions, DecodedAnthropicRequest } from "./decoded-anthropic-request.js";
import { pairToolCalls } from "./pair-tool-calls.js";
import { resolveRequestLimits } from "./request-limits.js";
import type { RequestRepair } from "./request-repair.js";
import {
  COUNT_TOKENS_REQUEST_FIELDS,
  countTokensRequestSchema,
  MESSAGES_REQUEST_FIELDS,
  messagesRequestSchema,
} from "./request-schema.js";

/**
 * The Anthropic ingress: a parsed JSON body of POST /v1/messages (or, with
 * `countTokens`, of /v1/messages/count_tokens) → a request the rest of CCR
 * can trust, or a RequestValidationError (400, or 413 for a size limit)
 * naming every problem's path. In order: the limits (depth and string
 * sizes, then entry counts), the schema, the cross-field rules on tools,
 * then tool-call pairing, which repairs rather than refuses. Pure: no I/O,
 * and the body is never modified.
 */
export function decodeAnthropicRequest(
  body: unknown,
  options: DecodeAnthropicRequestOptions & { countTokens: true },
): DecodedAnthropicRequest<AnthropicCountTokensRequest>;
export function decodeAnthropicRequest(
  body: unknown,
  options?: DecodeAnthropicRequestOptions & { countTokens?: false },
): DecodedAnthropicRequest<AnthropicMessagesRequest>;
export function decodeAnthropicRequest(
  body: unknown,
  options?: DecodeAnthropicRequestOptions,
): DecodedAnthropicRequest<AnthropicMessagesRequest | AnthropicCountTokensRequest>;
export function decodeAnthropicRequest(
  body: unknown,
  options: DecodeAnthropicRequestOptions = {},
): DecodedAnthropicRequest<AnthropicMessagesRequest | AnthropicCountTokensRequest> {
  const limits = resolveRequestLimits(options.limits);
  checkJsonLimits(body, limits);
  checkCountLimits(body, limits);
  const schema = options.countTokens === true ? countTokensRequestSchema : messagesRequestSchema;
  // The first issue stops the check; only a refused body pays for finding the others.
  if (!v.is(schema, body)) throw new RequestValidationError(collectRequestIssues(body, schema));
  const request = body as AnthropicCountTokensRequest;
  const toolIssues = checkToolDefinitions(request);
  if (toolIssues.length > 0) throw new RequestValidationError(toolIssues);

  const repairs: RequestRepair[] = [];
  const messages = pairToolCalls(request.messages, repairs);
  const fields = options.countTokens === true ? COUNT_TOKENS_REQUEST_FIELDS : MESSAGES_REQUEST_FIELDS;
  return {
    request: messages === request.messages ? request : { ...request, messages },
    unknownBlockTypes: collectUnknownBlockTypes(request),
    unknownFields: Object.keys(request).filter((key) => !fields.has(key)),
    repairs,
  } as DecodedAnthropicRequest<AnthropicMessagesRequest | AnthropicCountTokensRequest>;
}
