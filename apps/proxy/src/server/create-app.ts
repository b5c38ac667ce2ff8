import type { CcrConfig } from "@ccr/config";
import type { AnthropicMessagesRequest } from "@ccr/transform";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { apiKeyAuth } from "./api-key-auth.js";
import { clientSignal } from "./client-signal.js";
import { errorResponse } from "./error-response.js";
import { countTokensRequestSchema, messagesRequestSchema } from "./messages-request-schema.js";
import { modelList } from "./model-list.js";
import { nodeBindings, requestHeaders } from "./node-bindings.js";
import type { ProxyRouter } from "./proxy-router.js";
import { readJsonBody } from "./read-json-body.js";
import { createRequestId } from "./request-id.js";
import { writeEventStream } from "./write-event-stream.js";
import { writeJson } from "./write-json.js";

/** pino's call shape; anything with it (a test spy, a silent logger) will do. */
export interface ProxyLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface AppDeps {
  router: ProxyRouter;
  /** The current config; read per request so a hot reload applies to the next one. */
  config: () => CcrConfig;
  logger: ProxyLogger;
  version: string;
  /** Epoch ms, for /health's uptime. */
  startedAt: number;
  /** The config file this proxy runs on, shown by /health so client commands can tell instances apart. */
  configPath?: string;
  /** Request bodies above this are refused with 413. Default 32 MiB. */
  maxBodyBytes?: number;
  /** Extra routes (stats, metrics) mounted behind the same auth. */
  extraRoutes?: Hono;
  now?: () => number;
}

type Env = { Variables: { requestId: string } };

export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Headers that carry the client's own credentials: never handed to the router, so never forwarded. */
const CLIENT_SECRET_HEADERS = new Set(["x-api-key", "authorization", "cookie"]);

/** The proxy's HTTP surface, with no socket: tests drive it with `app.request(...)`. */
export function createApp(deps: AppDeps): Hono<Env> {
  const now = deps.now ?? Date.now;
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const app = new Hono<Env>();

  app.use(async (c, next) => {
    const requestId = createRequestId();
    c.set("requestId", requestId);
    // Set before the handler so it goes into the response the handler builds: set afterwards, Hono
    // would rebuild the finished response (and its body stream) to add it.
    c.header("request-id", requestId);
    await next();
    if (c.res !== RESPONSE_ALREADY_SENT && !c.res.headers.has("request-id"))
      c.header("request-id", requestId);
  });
  app.use(apiKeyAuth(() => deps.config().apiKey));

  app.get("/", (c) => c.text("CCR is running\n"));
  // Claude Code (2.1) also probes HEAD /api/hello at start; answering keeps its 404 out of the logs.
  app.get("/api/hello", (c) => c.text("CCR is running\n"));
  app.get("/health", (c) =>
    c.json({
      status: "ok",
      version: deps.version,
      uptime_seconds: Math.floor((now() - deps.startedAt) / 1000),
      pid: process.pid,
      config_path: deps.configPath ?? null,
    }),
  );
  app.get("/v1/models", (c) => c.json(modelList(deps.config(), deps.startedAt)));

  const messages = async (c: Context<Env>, preset: string | undefined) => {
    const request = (await readJsonBody(c, messagesRequestSchema, maxBodyBytes)) as AnthropicMessagesRequest;
    const requestId = c.get("requestId");
    const started = now();
    const result = await deps.router.handle(request, {
      signal: clientSignal(c),
      preset,
      requestId,
      clientHeaders: requestHeaders(c, CLIENT_SECRET_HEADERS),
    });
    deps.logger.info(
      {
        requestId,
        status: result.status,
        tier: result.tier,
        attempts: result.attempts,
        stream: result.stream,
        ms: now() - started,
      },
      "response started",
    );
    const headers = result.headers;
    const node = nodeBindings(c);
    // Written straight to the Node response, the answer skips the middleware that adds the request id.
    if (node) headers["request-id"] = requestId;
    if (result.stream) {
      headers["content-type"] = "text/event-stream";
      headers["cache-control"] = "no-cache";
      if (!node) return c.body(result.body as ReadableStream, result.status as ContentfulStatusCode, headers);
      const reader = result.reader ?? (result.body as ReadableStream<Uint8Array>).getReader();
      void writeEventStream(node.outgoing, result.status, headers, reader);
      return RESPONSE_ALREADY_SENT;
    }
    if (!node) return c.json(result.body, result.status as ContentfulStatusCode, headers);
    writeJson(node.outgoing, result.status, headers, result.body);
    return RESPONSE_ALREADY_SENT;
  };

  app.post("/v1/messages", (c) => messages(c, undefined));
  app.post("/preset/:name/v1/messages", (c) => messages(c, c.req.param("name")));
  app.post("/v1/messages/count_tokens", async (c) => {
    const request = (await readJsonBody(
      c,
      countTokensRequestSchema,
      maxBodyBytes,
    )) as AnthropicMessagesRequest;
    return c.json({ input_tokens: deps.router.estimateInputTokens(request) });
  });

  if (deps.extraRoutes) app.route("/", deps.extraRoutes);

  app.notFound((c) =>
    errorResponse(c, new HTTPException(404, { message: `no route for ${c.req.method} ${c.req.path}` })),
  );
  app.onError((error, c) => {
    if (clientSignal(c).aborted) {
      // The client left: nobody reads this answer, and it is not a server fault.
      deps.logger.info({ requestId: c.get("requestId"), path: c.req.path }, "client disconnected");
      return c.body(null, 400);
    }
    const response = errorResponse(c, error);
    const log = response.status >= 500 ? deps.logger.error : deps.logger.warn;
    log.call(
      deps.logger,
      { requestId: c.get("requestId"), status: response.status, path: c.req.path, err: error },
      "request failed",
    );
    return response;
  });
  return app;
}
