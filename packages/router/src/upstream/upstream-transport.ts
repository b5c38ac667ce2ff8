import type { AbortSignalLike } from "../abort-signal-like.js";
/**
 * How the router reaches an upstream: one POST, its answer's status and headers, and its body either whole
 * or pushed chunk by chunk as it arrives. The proxy implements it on undici's dispatcher with no stream
 * objects in between; {@link fetchTransport} adapts any `fetch`.
 */
export type UpstreamTransport = (request: UpstreamRequest) => Promise<UpstreamReply>;

export interface UpstreamRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Aborts the request at any point: before the answer (the promise rejects), or while its body arrives. */
  readonly signal: AbortSignalLike;
}

export interface UpstreamReply {
  readonly status: number;
  readonly statusText: string;
  /** One header by lower-case name; several values joined with ", ". */
  header(name: string): string | undefined;
  /** The whole body, as text. */
  text(): Promise<string>;
  /**
   * Hands the body over as it arrives: what arrived before the call is delivered first, during the call.
   * Call once, instead of `text()`.
   */
  stream(receiver: BodyReceiver): BodyFlow;
  /**
   * Drops the rest of the body: a body that has arrived whole keeps its pooled connection; one still
   * arriving is aborted.
   */
  discard(): void;
}

/** Receives a body pushed by {@link UpstreamReply.stream}: chunks, then `end` or `error`, once. */
export interface BodyReceiver {
  data(chunk: Uint8Array): void;
  end(): void;
  error(error: unknown): void;
}

/** Flow control of a pushed body, for a client that reads slower than the upstream writes. */
export interface BodyFlow {
  pause(): void;
  resume(): void;
}
