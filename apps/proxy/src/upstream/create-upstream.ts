import type { UpstreamTransport } from "@ccr/router";
import { Agent, type Dispatcher, EnvHttpProxyAgent, ProxyAgent } from "undici";
import type { Env } from "../runtime/ccr-home.js";
import { UpstreamCall } from "./upstream-call.js";

export interface UpstreamOptions {
  /** The config's PROXY_URL; wins over the environment. */
  proxyUrl?: string;
  env?: Env;
}

export interface Upstream {
  /** The router's transport: every call goes through the shared pool. */
  transport: UpstreamTransport;
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
  return { transport: dispatchTransport(dispatcher), dispatcher, close: () => dispatcher.close() };
}

/**
 * The router's transport on undici's `dispatch`, which skips the WHATWG fetch machinery and the Node stream
 * `request` builds for each body. Redirects are not followed: provider APIs answer directly, and a redirect
 * reaching the router reads as the failure it is.
 */
export function dispatchTransport(dispatcher: Dispatcher): UpstreamTransport {
  return (request) => {
    const call = new UpstreamCall("POST", request.signal);
    try {
      const { origin, path } = target(request.url);
      dispatcher.dispatch(
        { origin, path, method: "POST", headers: request.headers, body: request.body },
        call,
      );
    } catch (error) {
      call.fail(error);
    }
    return call.reply;
  };
}

/** Parsed endpoint URLs: a proxy calls the same few endpoints, and parsing one costs more than a lookup. */
const targets = new Map<string, { origin: string; path: string }>();
const MAX_TARGETS = 256;

function target(url: string): { origin: string; path: string } {
  let known = targets.get(url);
  if (!known) {
    const parsed = new URL(url);
    known = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
    if (targets.size >= MAX_TARGETS) targets.clear();
    targets.set(url, known);
  }
  return known;
}

function hasProxyEnv(env: Env): boolean {
  return Boolean(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy);
}
