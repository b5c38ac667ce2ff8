import { homedir } from "node:os";
import { loadConfig } from "@ccr/config";
import type { Env } from "../runtime/ccr-home.js";
import { pidFilePath, runningProxy } from "../runtime/pid-file.js";
import { loadProviderPackages } from "../runtime/provider-packages.js";

export interface ProxyTargetOptions {
  host?: string;
  port?: number;
  config?: string;
}

/** Where a running proxy should answer, and the key it wants. */
export interface ProxyTarget {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly apiKey?: string;
  /** From the pid file, when it names a live process at this address. */
  readonly pid?: number;
}

const DEFAULT_HOST = "127.0.0.1";
const DEFAULT_PORT = 3456;

/**
 * The proxy `status` and `dashboard` talk to: flags first, then the pid file of a running proxy,
 * then HOST/PORT of the config. APIKEY always comes from the config; a config that cannot be read
 * only means no key (the proxy may run without one).
 */
export async function resolveProxyTarget(options: ProxyTargetOptions, env: Env): Promise<ProxyTarget> {
  const running = runningProxy(pidFilePath(env));
  let config: { host: string; port: number; apiKey?: string } | undefined;
  try {
    config = (
      await loadConfig({
        path: options.config,
        env,
        homeDir: env.HOME || homedir(),
        loadProviders: loadProviderPackages,
      })
    ).config;
  } catch {
    config = undefined;
  }
  const host = connectable(options.host ?? running?.host ?? config?.host ?? DEFAULT_HOST);
  const port = options.port ?? running?.port ?? config?.port ?? DEFAULT_PORT;
  const pid =
    running && connectable(running.host) === host && running.port === port ? running.pid : undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    host,
    port,
    ...(config?.apiKey !== undefined && { apiKey: config.apiKey }),
    ...(pid !== undefined && { pid }),
  };
}

/** A proxy bound to every interface is reached on loopback. */
function connectable(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::" || host === "[::]") return "::1";
  return host;
}

/** Headers that pass the proxy's auth when it has an APIKEY. */
export function authHeaders(target: ProxyTarget): Record<string, string> {
  return target.apiKey === undefined ? {} : { "x-api-key": target.apiKey };
}
