import type { CcrConfig } from "@ccr/config";
import { openAIErrorBody, toAnthropicErrorBody } from "@ccr/transform";
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isOpenAIClient } from "./client-protocol.js";
import { errorAnswer } from "./http-error.js";
import { modelList, openAIModelList } from "./model-list.js";
import type { ProxyLogger } from "./proxy-logger.js";

export interface ColdRoutesDeps {
  readonly config: () => CcrConfig;
  readonly logger: ProxyLogger;
  readonly version: string;
  /** Epoch ms, for /health's uptime. */
  readonly startedAt: number;
  /** The config file this proxy runs on, shown by /health so client commands can tell instances apart. */
  readonly configPath?: string;
  /** Extra routes (stats, metrics). */
  readonly extraRoutes?: Hono;
  readonly now: () => number;
}

/**
 * The routes that are not on the request path of a model call, on Hono: probes, health, the model list and
 * the stats. Auth and the request id are the request listener's, before any route.
 */
export function createColdRoutes(deps: ColdRoutesDeps): Hono {
  const app = new Hono();
  app.get("/", (c) => c.text("CCR is running\n"));
  // Claude Code (2.1) also probes HEAD /api/hello at start; answering keeps its 404 out of the logs.
  app.get("/api/hello", (c) => c.text("CCR is running\n"));
  app.get("/health", (c) =>
    c.json({
      status: "ok",
      version: deps.version,
      uptime_seconds: Math.floor((deps.now() - deps.startedAt) / 1000),
      pid: process.pid,
      config_path: deps.configPath ?? null,
    }),
  );
  app.get("/v1/models", (c) =>
    c.json(
      isOpenAIClient((name) => c.req.header(name))
        ? openAIModelList(deps.config(), deps.startedAt)
        : modelList(deps.config(), deps.startedAt),
    ),
  );
  if (deps.extraRoutes) app.route("/", deps.extraRoutes);

  app.notFound((c) => {
    const message = `no route for ${c.req.method} ${c.req.path}`;
    const openAI = isOpenAIClient((name) => c.req.header(name));
    return c.json(openAI ? openAIErrorBody(404, message) : toAnthropicErrorBody(404, message), 404);
  });
  app.onError((error, c) => {
    const { status, message } = errorAnswer(error);
    (status >= 500 ? deps.logger.error : deps.logger.warn).call(
      deps.logger,
      { status, path: c.req.path, err: error },
      "request failed",
    );
    const openAI = isOpenAIClient((name) => c.req.header(name));
    return c.json(
      openAI ? openAIErrorBody(status, message) : toAnthropicErrorBody(status, message),
      status as ContentfulStatusCode,
    );
  });
  return app;
}
