import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import {
  type CcrConfig,
  ConfigError,
  type LoadProviders,
  loadConfig,
  redactSecrets,
  watchConfig,
} from "@ccr/config";
import { createMetrics, type Metrics, type ModelPrice } from "@ccr/metrics";
import { createRouter } from "@ccr/router";
import { createTransformerRegistry } from "@ccr/transform";
import type { Logger } from "pino";
import { createLogger } from "../logging/create-logger.js";
import { createStatsRoutes } from "../routes/stats-routes.js";
import { type Env, logDir } from "../runtime/ccr-home.js";
import { createTierStateStore } from "../runtime/create-tier-state-store.js";
import { isLoopbackHost } from "../runtime/is-loopback-host.js";
import { loadCustomRouter, loadCustomTransformers } from "../runtime/load-extensions.js";
import { replacePrices } from "../runtime/model-prices.js";
import {
  loadProviderPackages,
  registerBundledTransformers,
  registerProvidedTransformers,
} from "../runtime/provider-packages.js";
import { createUpstream } from "../upstream/create-upstream.js";
import { VERSION } from "../version.js";
import { createRequestListener } from "./create-request-listener.js";
import { trackConnections } from "./graceful-close.js";
import { StartError } from "./start-error.js";

export interface StartServerOptions {
  config: CcrConfig;
  /** The file the config came from: watched for hot reload, and re-read by `reload()`. */
  configPath?: string;
  /** Override the config's HOST / PORT. Port 0 picks a free port (see `RunningServer.port`). */
  host?: string;
  port?: number;
  /** Default: a pino logger to stdout (and to the log folder when the config's LOG is on). */
  logger?: Logger;
  /** Write logs to stdout when no logger is given. Default true. */
  logToStdout?: boolean;
  /** Write logs to the log folder when no logger is given. Default: the config's LOG. */
  logToFile?: boolean;
  /** Watch `configPath` and apply valid changes. Default true when `configPath` is set. */
  watch?: boolean;
  /** How long `close()` lets active streams finish before cutting them. Default 10 s. */
  shutdownTimeoutMs?: number;
  /** Request bodies above this get 413. Default 32 MiB. */
  maxBodyBytes?: number;
  env?: Env;
}

export interface RunningServer {
  /** `http://host:port`, with the real port when 0 was asked. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** The config new requests use. */
  config(): CcrConfig;
  /** Re-reads `configPath`: true when applied, false when invalid (the old config stays). */
  reload(): Promise<boolean>;
  /** Stops accepting, lets active responses finish (up to the shutdown timeout), frees every resource. */
  close(): Promise<void>;
}

/** Composes config, router, metrics and the HTTP app, and listens. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const env = options.env ?? process.env;
  let current = options.config;
  const host = options.host ?? current.host;
  const requestedPort = options.port ?? current.port;
  if (!current.apiKey && !isLoopbackHost(host)) {
    throw new StartError(
      "unsafe_host",
      `refusing to listen on ${host} without an APIKEY: set APIKEY in the config, or use --host 127.0.0.1`,
    );
  }

  const ownLogger = options.logger
    ? undefined
    : createLogger({
        level: current.logLevel,
        stdout: options.logToStdout ?? true,
        fileDir: (options.logToFile ?? current.log) ? logDir(env) : undefined,
        redact: (line) => redactSecrets(line, current),
      });
  const logger = options.logger ?? ownLogger!.logger;

  const registry = createTransformerRegistry();
  // Provider packages' own transformers (deepseek, groq, gemini, moonshot/kimi...) under claude-code-router's names.
  await registerBundledTransformers(registry);
  const transformerNames = await loadCustomTransformers(current.customTransformers, registry);
  if (transformerNames.length > 0)
    logger.info({ transformers: transformerNames }, "custom transformers loaded");
  // Provider packages are imported when the config is loaded; here their own transformers are registered,
  // for the config given and for every reload.
  const loadProviders: LoadProviders = async (refs, configPath) => {
    const packages = await loadProviderPackages(refs, configPath);
    const provided = registerProvidedTransformers(packages, registry);
    if (provided.length > 0) logger.info({ transformers: provided }, "provider package transformers loaded");
    return packages;
  };
  const refs = Object.values(current.providers).flatMap((provider) => provider.providerRef ?? []);
  if (refs.length > 0)
    await loadProviders([...new Set(refs)], current.sourcePath ?? join(process.cwd(), "config.json"));
  const customRouter = current.customRouterPath
    ? await loadCustomRouter(current.customRouterPath)
    : undefined;

  const upstream = createUpstream({ proxyUrl: current.proxyUrl, env });
  const prices: Record<string, ModelPrice> = {};
  replacePrices(prices, current);
  const metrics = createMetrics({ prices });
  const declareChain = (config: CcrConfig) =>
    metrics.setChain(config.chains.default.map(({ id, provider, model }) => ({ tier: id, provider, model })));
  declareChain(current);
  const tierState = await createTierStateStore({ env, logger, config: current });
  tierState.store?.onError(({ operation }) => metrics.stateStoreError(operation));
  const router = createRouter({
    store: tierState.store,
    config: () => current,
    transport: upstream.transport,
    observer: metrics,
    logger,
    customRouter,
    registry,
  });

  const startedAt = Date.now();
  let boundPort = requestedPort;
  const listener = createRequestListener({
    router,
    config: () => current,
    logger,
    version: VERSION,
    startedAt,
    configPath: options.configPath,
    maxBodyBytes: options.maxBodyBytes,
    extraRoutes: createStatsRoutes({
      metrics,
      getInfo: () => ({ version: VERSION, startedAt, host, port: boundPort, pid: process.pid }),
      tierStates: () => router.tierStates(),
    }),
  });

  const server = await listen(listener, host, requestedPort).catch(async (error: unknown) => {
    await upstream.close();
    await tierState.close();
    ownLogger?.flush();
    throw error;
  });
  boundPort = (server.address() as AddressInfo).port;
  const connections = trackConnections(server);

  const apply = (config: CcrConfig, source: string): boolean => {
    if (!config.apiKey && !isLoopbackHost(host)) {
      logger.error(
        { host },
        `config not reloaded: it has no APIKEY while the proxy listens on ${host}; the running config stays`,
      );
      return false;
    }
    if (config.host !== current.host || config.port !== current.port) {
      logger.warn({ host: config.host, port: config.port }, "HOST/PORT changes apply after a restart");
    }
    if (config.state?.redisUrl !== current.state?.redisUrl) {
      logger.warn({}, "a state.redis change applies after a restart");
    }
    current = config;
    // An injected logger is the embedder's to configure.
    if (ownLogger) logger.level = config.logLevel;
    declareChain(config);
    replacePrices(prices, config);
    logger.info({ source }, "config reloaded");
    return true;
  };
  const reject = (error: unknown) => {
    const issues = ConfigError.isInstance(error) ? error.issues : undefined;
    logger.error({ issues, err: error }, "config not reloaded: the running config stays");
  };

  const watcher =
    options.configPath && (options.watch ?? true)
      ? watchConfig(
          options.configPath,
          (event) => {
            if (event.ok) apply(event.result.config, "watch");
            else reject(event.error);
          },
          { env, loadProviders },
        )
      : undefined;

  let closing: Promise<void> | undefined;
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${boundPort}`;
  logger.info({ url, version: VERSION }, "listening");

  return {
    url,
    host,
    port: boundPort,
    logger,
    metrics,
    config: () => current,
    async reload() {
      if (!options.configPath) return false;
      try {
        const result = await loadConfig({ path: options.configPath, env, loadProviders });
        return apply(result.config, "reload");
      } catch (error) {
        reject(error);
        return false;
      }
    },
    close() {
      closing ??= (async () => {
        watcher?.close();
        await connections.close(shutdownTimeoutMs, () =>
          logger.warn({ shutdownTimeoutMs }, "shutdown timeout: closing the remaining connections"),
        );
        await upstream.close();
        await tierState.close();
        logger.info({}, "stopped");
        ownLogger?.flush();
      })();
      return closing;
    },
  };
}

function listen(listener: RequestListener, host: string, port: number) {
  return new Promise<Server>((resolve, reject) => {
    const server = createServer(listener);
    server.listen(port, host);
    server.once("listening", () => resolve(server));
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new StartError("port_in_use", `port ${port} is in use: stop the other process or use --port`));
      } else {
        reject(
          new StartError("listen_failed", `cannot listen on ${host}:${port}: ${error.message}`, {
            cause: error,
          }),
        );
      }
    });
  });
}
