import { toAnthropicErrorBody } from "../../errors/to-anthropic-error-body.js";
import type { AnthropicMessage } from "../../types/anthropic.js";
import type { Ingress } from "../ingress.js";
import { anthropicSseEncoder } from "./anthropic-sse-encoder.js";

/** Anthropic Messages clients (Claude Code, the Anthropic SDKs): the canonical form, so nothing to convert. */
export const anthropicIngress: Ingress = Object.freeze({
  protocol: "anthropic",
  message: (message: AnthropicMessage) => message,
  streamEncoder: anthropicSseEncoder,
  errorBody: toAnthropicErrorBody,
});
