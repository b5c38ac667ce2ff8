import type { StreamEncoder } from "../stream/stream-encoder.js";
import type { AnthropicMessage } from "../types/anthropic.js";

/** The protocols clients speak to CCR. */
export type ClientProtocol = "anthropic" | "openai-chat" | "openai-responses";

/**
 * The client side of one request: how answers, streams and errors are written in the protocol the client
 * spoke. The request itself is decoded into the canonical form (an Anthropic Messages request) that routing
 * and every upstream translation work on; an ingress may keep per-request state (names it mapped, options
 * such as whether usage goes in the last chunk).
 */
export interface Ingress {
  readonly protocol: ClientProtocol;
  /** The client's JSON answer for a canonical message. */
  message(message: AnthropicMessage): unknown;
  /** A fresh encoder for one streamed answer. */
  streamEncoder(): StreamEncoder;
  /**
   * An error answer (non-streamed, or before any byte of a stream) in the client's protocol.
   * @param param The request field at fault, for a bad request (OpenAI's error bodies name it).
   */
  errorBody(status: number, message: string, param?: string): unknown;
}
