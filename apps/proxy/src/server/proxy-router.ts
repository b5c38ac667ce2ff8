import type { AnthropicMessagesRequest } from "@ccr/transform";

/**
 * What the HTTP layer needs from a router. `@ccr/router`'s router satisfies it; tests of the routes
 * pass a small scripted one.
 */
export interface ProxyRouter {
  handle(request: AnthropicMessagesRequest, options: RouterHandleOptions): Promise<RouterResponse>;
  estimateInputTokens(request: AnthropicMessagesRequest): number;
}

export interface RouterHandleOptions {
  /** Aborted when the client goes away: the router must abort the upstream request. */
  signal?: AbortSignal;
  preset?: string;
  requestId?: string;
  clientHeaders?: Record<string, string>;
}

export interface RouterResponse {
  status: number;
  headers: Record<string, string>;
  /** Anthropic SSE bytes when `stream`, otherwise a JSON value (a message or an error body). */
  body: unknown;
  stream: boolean;
  tier?: string;
  attempts: number;
}
