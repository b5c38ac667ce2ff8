import type { IncomingHttpHeaders, RequestListener, ServerResponse } from "node:http";
import { anthropicIngress, type Ingress, openAIErrorBody } from "@ccr/transform";
import { getRequestListener } from "@hono/node-server";
import { apiKeyCheck } from "./api-key-auth.js";
import { isOpenAIClient } from "./client-protocol.js";
import { type ColdRoutesDeps, createColdRoutes } from "./cold-routes.js";
import { matchHotRoute, serveHotRoute } from "./hot-routes.js";
import { errorAnswer } from "./http-error.js";
import { nodeResponseSink } from "./node-response-sink.js";
import type { ProxyRouter } from "./proxy-router.js";
import { createRequestId } from "./request-id.js";

export interface RequestListenerDeps extends Omit<ColdRoutesDeps, "now"> {
  readonly router: ProxyRouter;
  /** Request bodies above this are refused with 413. Default 32 MiB. */
  readonly maxBodyBytes?: number;
  readonly now?: () => number;
}

export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * The proxy's HTTP surface as one Node request listener, the same in memory (tests inject requests) and on a
 * socket. Every request gets its id and the APIKEY check here, once; the routes of a model call are served
 * straight on the Node request and response, and the rest (probes, health, models, stats) by Hono. Errors
 * are answered in the shape of the client's protocol.
 */
export function createRequestListener(deps: RequestListenerDeps): RequestListener {
  const now = deps.now ?? Date.now;
  const hot = {
    router: deps.router,
    logger: deps.logger,
    maxBodyBytes: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    now,
  };
  // The global Request and Response stay Node's own: @hono/node-server's lighter ones fail Hono's HEAD
  // handling, and only these few cold routes would gain from them.
  const cold = getRequestListener(createColdRoutes({ ...deps, now }).fetch, { overrideGlobalObjects: false });
  const checkKey = apiKeyCheck(() => deps.config().apiKey);

  return (incoming, outgoing) => {
    const requestId = createRequestId();
    outgoing.setHeader("request-id", requestId);
    const url = incoming.url ?? "/";
    const query = url.indexOf("?");
    const path = query < 0 ? url : url.slice(0, query);
    const route = matchHotRoute(incoming.method, path);
    const denied = path === "/health" ? undefined : checkKey(incoming.headers);
    if (denied) return answerError(outgoing, route?.errorBody ?? errorBodyFor(incoming.headers), denied);
    if (!route) return void cold(incoming, outgoing);
    serveHotRoute(hot, route, incoming, outgoing, requestId).catch((error: unknown) => {
      if (outgoing.destroyed) {
        // The client left: nobody reads this answer, and it is not a server fault.
        deps.logger.info({ requestId, path }, "client disconnected");
        return;
      }
      const { status } = errorAnswer(error);
      (status >= 500 ? deps.logger.error : deps.logger.warn).call(
        deps.logger,
        { requestId, status, path, err: error },
        "request failed",
      );
      answerError(outgoing, route.errorBody, error);
    });
  };
}

/** A request on no model-call route: its error shape by who sent it (see isOpenAIClient). */
function errorBodyFor(headers: IncomingHttpHeaders): Ingress["errorBody"] {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return isOpenAIClient(header) ? openAIErrorBody : anthropicIngress.errorBody;
}

/**
 * An error answer in the client's shape, naming the request field at fault when the error has one (a bad
 * body); a stream already under way is cut instead, as it cannot change.
 */
function answerError(outgoing: ServerResponse, errorBody: Ingress["errorBody"], error: unknown): void {
  if (outgoing.headersSent) {
    outgoing.destroy();
    return;
  }
  const { status, message } = errorAnswer(error);
  const path = (error as { path?: unknown } | null)?.path;
  nodeResponseSink(outgoing).json(
    status,
    { "content-type": "application/json" },
    errorBody(status, message, typeof path === "string" ? path : undefined),
  );
}
