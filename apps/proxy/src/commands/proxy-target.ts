import type { Env } from "../runtime/ccr-home.js";
import { type ClientSettings, readClientSettings } from "../runtime/client-settings.js";
import { type PidInfo, runningProxies } from "../runtime/pid-file.js";

export interface ProxyTargetOptions {
  host?: string;
  port?: number;
  config?: string;
}

/** Where a running proxy should answer, the key it wants, and why this one. */
export interface ProxyTarget {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly apiKey?: string;
  /** The pid file of a live process recorded on this port, if any. */
  readonly recorded?: PidInfo;
  /** Where the address and key came from, in words, for messages (`ccr activate` prints it). */
  readonly source: string;
  /** The config file APIKEY was read from (HOST, PORT and APIKEY only; provider keys are never needed). */
  readonly settings?: ClientSettings;
}

/** Several proxies run and nothing says which one is meant. */
export class AmbiguousProxyError extends Error {
  constructor(readonly running: readonly PidInfo[]) {
    super(
      `several CCR proxies are running: ${running.map(describeRunning).join("; ")}. ` +
        "Pass --port to pick one.",
    );
    this.name = "AmbiguousProxyError";
  }
}

/**
 * The proxy a client command talks to, in this order:
 * 1. `--port` / `--host`;
 * 2. `--config`: the proxy recorded as running that file, else the file's HOST and PORT;
 * 3. the one proxy recorded as running (pid files, one per port); with several, the one on the config's
 *    PORT, else AmbiguousProxyError;
 * 4. HOST and PORT of `CCR_CONFIG` or the default config file; 5. 127.0.0.1:3456.
 * APIKEY comes from the config the chosen proxy runs on (recorded in its pid file), else from the config
 * file above. Only HOST, PORT and APIKEY are read: an unexported provider key never stops a client.
 */
export function resolveProxyTarget(options: ProxyTargetOptions, env: Env): ProxyTarget {
  const running = runningProxies(env);
  const explicit =
    options.config !== undefined ? readClientSettings({ path: options.config, env }) : undefined;

  if (options.port !== undefined || options.host !== undefined) {
    const port = options.port ?? explicit?.port ?? readClientSettings({ env }).port;
    const recorded = running.find((info) => info.port === port);
    const settings = explicit ?? settingsOf(recorded, env);
    const host = connectable(options.host ?? recorded?.host ?? settings?.host ?? "127.0.0.1");
    const flags = [
      options.host !== undefined && `--host ${options.host}`,
      options.port !== undefined && `--port ${options.port}`,
    ];
    return target(host, port, settings, recorded, `${flags.filter(Boolean).join(" ")}${keySource(settings)}`);
  }
  if (explicit) {
    // The proxy running this very file wins: it may have been started with another --port.
    const onFile = running.find((info) => info.configPath === explicit.path);
    if (onFile) {
      return target(
        connectable(onFile.host),
        onFile.port,
        explicit,
        onFile,
        `the proxy running ${explicit.path} (pid ${onFile.pid})`,
      );
    }
    const recorded = running.find((info) => info.port === explicit.port);
    return target(connectable(explicit.host), explicit.port, explicit, recorded, fromFile(explicit));
  }
  const fallback = readClientSettings({ env });
  const chosen =
    running.length === 1 ? running[0] : running.find((info) => fallback.found && info.port === fallback.port);
  if (chosen) {
    const settings = settingsOf(chosen, env);
    return target(
      connectable(chosen.host),
      chosen.port,
      settings,
      chosen,
      `the proxy running as ${describeRunning(chosen)}`,
    );
  }
  if (running.length > 1) throw new AmbiguousProxyError(running);
  return target(
    connectable(fallback.host),
    fallback.port,
    fallback,
    undefined,
    fallback.found ? fromFile(fallback) : `the defaults (no config at ${fallback.path})`,
  );
}

function target(
  host: string,
  port: number,
  settings: ClientSettings | undefined,
  recorded: PidInfo | undefined,
  source: string,
): ProxyTarget {
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    host,
    port,
    ...(settings?.apiKey !== undefined && { apiKey: settings.apiKey }),
    ...(recorded !== undefined && { recorded }),
    ...(settings !== undefined && { settings }),
    source,
  };
}

/** The config a recorded proxy runs on; the demo has none (and no APIKEY). */
function settingsOf(recorded: PidInfo | undefined, env: Env): ClientSettings | undefined {
  if (recorded?.demo) return undefined;
  return readClientSettings({
    ...(recorded?.configPath !== undefined && { path: recorded.configPath }),
    env,
  });
}

function fromFile(settings: ClientSettings): string {
  return `HOST/PORT${settings.apiKey !== undefined ? "/APIKEY" : ""} of ${settings.path}`;
}

function keySource(settings: ClientSettings | undefined): string {
  return settings?.apiKey !== undefined ? `, APIKEY of ${settings.path}` : "";
}

function describeRunning(info: PidInfo): string {
  const what = info.demo
    ? "ccr demo"
    : info.configPath !== undefined
      ? `config ${info.configPath}`
      : "no config file";
  return `pid ${info.pid} on port ${info.port} (${what})`;
}

/** A proxy bound to every interface is reached on loopback. */
function connectable(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::" || host === "[::]") return "::1";
  return host;
}

/** Headers that pass the proxy's auth when it has an APIKEY. */
export function authHeaders(target: Pick<ProxyTarget, "apiKey">): Record<string, string> {
  return target.apiKey === undefined ? {} : { "x-api-key": target.apiKey };
}

/** A line for stderr when APIKEY names a variable this shell does not set. */
export function unsetKeyWarning(target: ProxyTarget): string | undefined {
  const unset = target.settings?.unsetVariables ?? [];
  if (unset.length === 0) return undefined;
  return `warning: ${target.settings?.path} uses ${unset.map((name) => `$${name}`).join(", ")}, not set in this shell: the proxy may refuse requests without its APIKEY\n`;
}
