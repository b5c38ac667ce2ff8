import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type AnthropicMessagesRequest,
  anthropicIngress,
  decodeAnthropicRequest,
  decodeChatRequest,
  decodeResponsesRequest,
  type Ingress,
  openAIErrorBody,
  type RequestRepair,
} from "@ccr/transform";
import { clientSignal } from "./client-signal.js";
import { nodeResponseSink } from "./node-response-sink.js";
import type { ProxyLogger } from "./proxy-logger.js";
import type { ProxyRouter } from "./proxy-router.js";
import { readJsonBody } from "./read-request-body.js";

/** A client's request body, checked to the leaves and decoded: the canonical request for the router, and the client's side of it. */
export interface DecodedRequest {
  readonly request: AnthropicMessagesRequest;
  readonly ingress: Ingress;
  /** What the client sent that CCR does not know or had to repair, for a debug line. */
  readonly notes?: {
    readonly unknownBlockTypes: readonly string[];
    readonly unknownFields: readonly string[];
    readonly repairs: readonly RequestRepair[];
  };
}

/** A route on the path of a model call, served without Hono: a request in one protocol, for the router. */
export interface HotRoute {
  readonly kind: "messages" | "count_tokens";
  /** The client's error shape, for errors answered outside the router (auth, a bad body). */
  readonly errorBody: Ingress["errorBody"];
  /** Validates the body and decodes it; throws what the client is to be answered with (a 4xx). */
  readonly decode: (body: unknown) => DecodedRequest;
  /** `/preset/{name}/...`: the config's preset of that name applies. */
  readonly preset?: string;
}

const MESSAGES: HotRoute = {
  kind: "messages",
  errorBody: anthropicIngress.errorBody,
  decode: (body) => ({ ...decodeAnthropicRequest(body), ingress: anthropicIngress }),
};
const COUNT_TOKENS: HotRoute = {
  kind: "count_tokens",
  errorBody: anthropicIngress.errorBody,
  decode: (body) => {
    const decoded = decodeAnthropicRequest(body, { countTokens: true });
    return { ...decoded, request: decoded.request as AnthropicMessagesRequest, ingress: anthropicIngress };
  },
};
const CHAT_COMPLETIONS: HotRoute = {
  kind: "messages",
  errorBody: openAIErrorBody,
  decode: (body) => decodeChatRequest(body),
};
const RESPONSES: HotRoute = {
  kind: "messages",
  errorBody: openAIErrorBody,
  decode: (body) => decodeResponsesRequest(body),
};

/** The model-call routes by path; each is also served under `/preset/{name}`. */
const ROUTES: Readonly<Record<string, HotRoute>> = {
  "/v1/messages": MESSAGES,
  "/v1/messages/count_tokens": COUNT_TOKENS,
  "/v1/chat/completions": CHAT_COMPLETIONS,
  "/v1/responses": RESPONSES,
};
const PRESET = /^\/preset\/([^/]+)(\/v1\/(?:messages(?:\/count_tokens)?|chat\/completions|responses))$/;

/** The hot route for a method and path (without its query), if it is one. */
export function matchHotRoute(method: string | undefined, path: string): HotRoute | undefined {
  if (method !== "POST") return undefined;
  const route = ROUTES[path];
  if (route) return route;
  const preset = PRESET.exec(path);
  return preset ? { ...ROUTES[preset[2]!]!, preset: decodeURIComponent(preset[1]!) } : undefined;
}

export interface HotRouteDeps {
  readonly router: ProxyRouter;
  readonly logger: ProxyLogger;
  readonly maxBodyBytes: number;
  readonly now: () => number;
}

/** Headers that carry the client's own credentials: never handed to the router, so never forwarded. */
const CLIENT_SECRET_HEADERS = new Set(["x-api-key", "authorization", "cookie"]);

/**
 * Serves one hot route: reads and decodes the body in the route's protocol, then the router writes the answer
 * to the Node response. Throws what the client is to be answered with (a bad body); the caller shapes it.
 */
export async function serveHotRoute(
  deps: HotRouteDeps,
  route: HotRoute,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  requestId: string,
): Promise<void> {
  const body = await readJsonBody(incoming, deps.maxBodyBytes);
  const { request, ingress, notes } = route.decode(body);
  if (
    notes &&
    (notes.unknownBlockTypes.length > 0 || notes.unknownFields.length > 0 || notes.repairs.length > 0)
  )
    deps.logger.debug({ requestId, ...notes }, "request carries what CCR does not know, or needed repairs");
  if (route.kind === "count_tokens") {
    nodeResponseSink(outgoing).json(
      200,
      { "content-type": "application/json" },
      { input_tokens: deps.router.estimateInputTokens(request) },
    );
    return;
  }
  const started = deps.now();
  const result = await deps.router.serve(request, {
    sink: nodeResponseSink(outgoing),
    signal: clientSignal(incoming, outgoing),
    preset: route.preset,
    requestId,
    ingress,
    clientHeaders: clientHeaders(incoming),
  });
  deps.logger.info(
    {
      requestId,
      protocol: ingress.protocol,
      status: result.status,
      tier: result.tier,
      attempts: result.attempts,
      stream: result.stream,
      ms: deps.now() - started,
    },
    "response started",
  );
}

function clientHeaders(incoming: IncomingMessage): Record<string, string> {
  const all: Record<string, string> = {};
  const headers = incoming.headers;
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !CLIENT_SECRET_HEADERS.has(name))
      all[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return all;
}
