import { connect } from "node:net";
import type { CcrConfig } from "@ccr/config";
import type { Env } from "./ccr-home.js";

/** A tier whose upstream did not accept a TCP connection at start. */
export interface UnreachableUpstream {
  /** The providers (config names) behind this address. */
  readonly providers: readonly string[];
  readonly host: string;
  readonly port: number;
  /** `ECONNREFUSED`, `ENOTFOUND`, `timeout`... */
  readonly code: string;
  /** One line for a person: what failed and what to check. */
  readonly message: string;
  /** Set when the address is the upstream HTTP proxy (PROXY_URL / HTTPS_PROXY) rather than a provider. */
  readonly viaProxy?: string;
}

export interface ProbeOptions {
  /** Per address. Default 1000 ms. */
  timeoutMs?: number;
  env?: Env;
}

/**
 * Tries a TCP connection to the host:port of every provider the tier chains use (or, with an upstream
 * proxy, to that proxy), all at once, and returns those that failed. It never throws and never sends a
 * byte: a warning at start, not a health check.
 */
export async function probeUpstreams(
  config: CcrConfig,
  options: ProbeOptions = {},
): Promise<UnreachableUpstream[]> {
  const timeoutMs = options.timeoutMs ?? 1000;
  const env = options.env ?? process.env;
  const used = new Set(Object.values(config.chains).flatMap((chain) => chain.map((tier) => tier.provider)));
  const proxyUrl =
    config.proxyUrl ?? env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy ?? undefined;

  const targets = new Map<string, { host: string; port: number; providers: string[] }>();
  const add = (url: string, provider: string) => {
    const address = addressOf(url);
    if (!address) return;
    const key = `${address.host}:${address.port}`;
    const entry = targets.get(key) ?? { ...address, providers: [] };
    entry.providers.push(provider);
    targets.set(key, entry);
  };
  for (const name of used) {
    const provider = config.providers[name];
    if (!provider) continue;
    // Traffic to a provider goes through the upstream proxy, unless the provider is on this machine.
    if (proxyUrl && !isLocal(provider.endpointUrl)) add(proxyUrl, name);
    else add(provider.endpointUrl, name);
  }

  const results = await Promise.all(
    [...targets.values()].map(async (target) => {
      const code = await tryConnect(target.host, target.port, timeoutMs);
      if (code === undefined) return undefined;
      const viaProxy = proxyUrl && addressOf(proxyUrl)?.host === target.host ? proxyUrl : undefined;
      return {
        providers: target.providers,
        host: target.host,
        port: target.port,
        code,
        message: describe(target, code, timeoutMs, viaProxy),
        ...(viaProxy !== undefined && { viaProxy }),
      } satisfies UnreachableUpstream;
    }),
  );
  return results.filter((result) => result !== undefined);
}

function addressOf(url: string): { host: string; port: number } | undefined {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^\[|\]$/g, "");
    const port = parsed.port !== "" ? Number(parsed.port) : parsed.protocol === "https:" ? 443 : 80;
    return host === "" ? undefined : { host, port };
  } catch {
    return undefined;
  }
}

function isLocal(url: string): boolean {
  const host = addressOf(url)?.host;
  return host === "localhost" || host === "::1" || (host?.startsWith("127.") ?? false);
}

/** undefined when the connection opened; else the error code. */
function tryConnect(host: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (code: string | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(code);
    };
    const timer = setTimeout(() => done("timeout"), timeoutMs);
    socket.once("connect", () => done(undefined));
    socket.once("error", (error: NodeJS.ErrnoException) => done(error.code ?? "error"));
  });
}

function describe(
  target: { host: string; port: number; providers: readonly string[] },
  code: string,
  timeoutMs: number,
  viaProxy: string | undefined,
): string {
  const who = viaProxy
    ? `the upstream proxy ${target.host}:${target.port} (for ${target.providers.join(", ")})`
    : `${target.providers.join(", ")} at ${target.host}:${target.port}`;
  switch (code) {
    case "ECONNREFUSED":
      return `${who} refused the connection: is the server running?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `${who}: the host name does not resolve (${code}): check the URL and your network/DNS`;
    case "timeout":
      return `${who} did not accept a connection within ${timeoutMs} ms: check your network, firewall or proxy`;
    default:
      return `${who} cannot be reached (${code}): check the URL and your network`;
  }
}
