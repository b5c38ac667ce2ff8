import { Agent, type Dispatcher, EnvHttpProxyAgent, ProxyAgent } from "undici";
import type { Env } from "../runtime/ccr-home.js";
import { createDispatchFetch } from "./dispatch-fetch.js";

export interface UpstreamOptions {
  /** The config's PROXY_URL; wins over the environment. */
  proxyUrl?: string;
  env?: Env;
}

export interface Upstream {
  /** A `fetch` for the router: every call goes through the shared pool. */
  fetch: typeof fetch;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

// Timeouts here only catch dead peers: the router bounds each attempt itself (API_TIMEOUT_MS,
// first-event and idle timeouts), so these sit well above any of its limits.
const poolOptions = {
  keepAliveTimeout: 60_000,
  keepAliveMaxTimeout: 600_000,
  connect: { timeout: 10_000 },
  headersTimeout: 600_000,
  bodyTimeout: 600_000,
} satisfies Agent.Options;

/**
 * One pooled, keep-alive dispatcher for all upstream traffic. PROXY_URL goes through a ProxyAgent;
 * otherwise HTTPS_PROXY / HTTP_PROXY (and NO_PROXY) from the environment are honoured.
 */
export function createUpstream(options: UpstreamOptions = {}): Upstream {
  const env = options.env ?? process.env;
  const dispatcher: Dispatcher = options.proxyUrl
    ? new ProxyAgent({ uri: options.proxyUrl, ...poolOptions })
    : hasProxyEnv(env)
      ? new EnvHttpProxyAgent({
          ...poolOptions,
          httpProxy: env.HTTP_PROXY || env.http_proxy,
          httpsProxy: env.HTTPS_PROXY || env.https_proxy,
          noProxy: env.NO_PROXY || env.no_proxy,
        })
      : new Agent(poolOptions);
  return { fetch: createDispatchFetch(dispatcher), dispatcher, close: () => dispatcher.close() };
}

function hasProxyEnv(env: Env): boolean {
  return Boolean(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy);
}
