import type { AnthropicCountTokensRequest, AnthropicMessagesRequest } from "../../types/anthropic.js";
import type { RequestLimits } from "./request-limits.js";
import type { RequestRepair } from "./request-repair.js";

export type DecodeAnthropicRequestOptions = {
  /** Overrides of DEFAULT_REQUEST_LIMITS. */
  limits?: Partial<RequestLimits>;
  /** The body of /v1/messages/count_tokens: no `max_tokens`, `stream` or sampling fields. */
  countTokens?: boolean;
};

/** A request that passed validation, as the rest of CCR may trust it. */
export type DecodedAnthropicRequest<TRequest extends AnthropicCountTokensRequest = AnthropicMessagesRequest> =
  {
    /**
     * The client's own object when nothing was repaired (every field kept,
     * known or not); otherwise a shallow copy whose `messages` carry the repairs.
     */
    request: TRequest;
    /** Block types CCR does not know (a newer client's), kept as they are: log them at debug. */
    unknownBlockTypes: string[];
    /**
     * Top-level fields this API version does not have, kept in `request`:
     * forward them to Anthropic-native tiers, drop them for OpenAI ones, log them at debug.
     */
    unknownFields: string[];
    /** What was repaired rather than refused: log them at debug. */
    repairs: RequestRepair[];
  };
