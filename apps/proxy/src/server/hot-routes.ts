import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type AnthropicMessagesRequest,
  anthropicIngress,
  decodeAnthropicRequest,
  type Ingress,
  type RequestRepair,
} from "@ccr/transform";
import { clientSignal } from "./client-signal.js";
import { nodeResponseSink } from "./node-response-sink.js";
import type { ProxyLogger } from "./proxy-logger.js";
import type { ProxyRouter } from "./proxy-router.js";
import { readJsonBody } from "./read-request-body.js";

/** A client request checked to the leaves and decoded into the canonical form the router works on. */
export interface DecodedClientRequest {
  readonly request: AnthropicMessagesRequest;
  /** How the answer is written: the route's ingress, or one made for this request. */
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
  /** How errors are written before the request is decoded. */
  readonly ingress: Ingress;
  /** @throws what the client is answered with (a 4xx naming the field) when the body is not a valid request. */
  readonly decode: (body: unknown) => DecodedClientRequest;
  /** `/preset/{name}/...`: the config's preset of that name applies. */
  readonly preset?: string;
}

const MESSAGES: HotRoute = {
  kind: "messages",
  ingress: anthropicIngress,
  decode: (body) => ({ ...decodeAnthropicRequest(body), ingress: anthropicIngress }),
};
const COUNT_TOKENS: HotRoute = {
  kind: "count_tokens",
  ingress: anthropicIngress,
  decode: (body) => {
    const decoded = decodeAnthropicRequest(body, { countTokens: true });
    return { ...decoded, request: decoded.request as AnthropicMessagesRequest, ingress: anthropicIngress };
  },
};
const PRESET = /^\/preset\/([^/]+)\/v1\/messages(\/count_tokens)?$/;

/** The hot route for a method and path (without its query), if it is one. */
export function matchHotRoute(method: string | undefined, path: string): HotRoute | undefined {
  if (method !== "POST") return undefined;
  if (path === "/v1/messages") return MESSAGES;
  if (path === "/v1/messages/count_tokens") return COUNT_TOKENS;
  const preset = PRESET.exec(path);
  if (!preset) return undefined;
  return { ...(preset[2] ? COUNT_TOKENS : MESSAGES), preset: decodeURIComponent(preset[1]!) };
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
