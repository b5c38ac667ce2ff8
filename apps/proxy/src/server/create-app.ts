import type { CcrConfig } from "@ccr/config";
import type { AnthropicMessagesRequest } from "@ccr/transform";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { apiKeyAuth } from "./api-key-auth.js";
import { errorResponse } from "./error-response.js";
import { countTokensRequestSchema, messagesRequestSchema } from "./messages-request-schema.js";
import { modelList } from "./model-list.js";
import type { ProxyRouter } from "./proxy-router.js";
import { readJsonBody } from "./read-json-body.js";
import { createRequestId } from "./request-id.js";

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
    await next();
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
    }),
  );
  app.get("/v1/models", (c) => c.json(modelList(deps.config(), deps.startedAt)));

  const limit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new HTTPException(413, {
        message: `request body is over the proxy's limit of ${Math.round(maxBodyBytes / 1024 / 1024)} MiB`,
      });
    },
  });

  const messages = async (c: Context<Env>, preset: string | undefined) => {
    const request = (await readJsonBody(c, messagesRequestSchema)) as AnthropicMessagesRequest;
    const requestId = c.get("requestId");
    const started = now();
    const result = await deps.router.handle(request, {
      signal: c.req.raw.signal,
      preset,
      requestId,
      clientHeaders: clientHeaders(c),
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
    if (result.body instanceof ReadableStream) {
      headers["content-type"] = "text/event-stream";
      headers["cache-control"] = "no-cache";
      return new Response(result.body, { status: result.status, headers });
    }
    return c.json(result.body, result.status as ContentfulStatusCode, headers);
  };

  app.post("/v1/messages", limit, (c) => messages(c, undefined));
  app.post("/preset/:name/v1/messages", limit, (c) => messages(c, c.req.param("name")));
  app.post("/v1/messages/count_tokens", limit, async (c) => {
    const request = (await readJsonBody(c, countTokensRequestSchema)) as AnthropicMessagesRequest;
    return c.json({ input_tokens: deps.router.estimateInputTokens(request) });
  });

  if (deps.extraRoutes) app.route("/", deps.extraRoutes);

  app.notFound((c) =>
    errorResponse(c, new HTTPException(404, { message: `no route for ${c.req.method} ${c.req.path}` })),
  );
  app.onError((error, c) => {
    if (c.req.raw.signal.aborted) {
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

function clientHeaders(c: Context): Record<string, string> {
  const all = c.req.header();
  const forwarded: Record<string, string> = {};
  for (const name in all) {
    if (!CLIENT_SECRET_HEADERS.has(name)) forwarded[name] = all[name]!;
  }
  return forwarded;
}
