import { resolve } from "node:path";
import { describeConfig, formatIssue, loadConfig, redactSecrets } from "@ccr/config";
import { LOG_FORMAT_ENV } from "../logging/log-format.js";
import { cliInvocation } from "../runtime/cli-invocation.js";
import { readClientSettings } from "../runtime/client-settings.js";
import { describeConfigFailure } from "../runtime/config-error-message.js";
import { DAEMON_ENV, startDaemon } from "../runtime/daemon.js";
import { pidFilePath, removePidFile, runningProxies, writePidFile } from "../runtime/pid-file.js";
import { probeUpstreams } from "../runtime/probe-upstreams.js";
import { loadProviderPackages } from "../runtime/provider-packages.js";
import { fetchHealth } from "../runtime/proxy-health.js";
import { clientBaseUrl } from "../runtime/wait-for-health.js";
import { StartError } from "../server/start-error.js";
import { startServer } from "../server/start-server.js";
import { VERSION } from "../version.js";
import { type CommandIo, processIo } from "./command-io.js";
import { usageHints } from "./start-banner.js";

export interface StartOptions {
  config?: string;
  port?: number;
  host?: string;
  daemon?: boolean;
  /** JSON log lines on stdout even on a terminal. */
  jsonLogs?: boolean;
  /** Skip the start-up reachability check of the upstreams (tests, offline use). */
  probe?: boolean;
}

/**
 * `ccr start`: foreground until SIGTERM/SIGINT (exit 0), or `--daemon` (returns once /health answers).
 * The config is checked first; then it refuses only when a CCR proxy already answers on the same port or
 * runs the same config file, so other configs run side by side on other ports.
 */
export async function startCommand(options: StartOptions, io: CommandIo = processIo): Promise<number> {
  let loaded: Awaited<ReturnType<typeof loadConfig>>;
  try {
    loaded = await loadConfig({ path: options.config, env: io.env, loadProviders: loadProviderPackages });
  } catch (error) {
    const failure = describeConfigFailure(error);
    io.stderr(failure.message);
    return failure.exitCode;
  }
  const port = options.port ?? loaded.config.port;
  const host = options.host ?? loaded.config.host;
  const conflict = await runningConflict(io, { host, port, configPath: loaded.path });
  if (conflict) {
    io.stderr(conflict);
    return 1;
  }

  const isDaemonChild = io.env[DAEMON_ENV] === "1";
  if (options.daemon && !isDaemonChild) return startInBackground(options, io);
  // Read by the logger start-server creates (see logging/log-format.ts).
  if (options.jsonLogs) process.env[LOG_FORMAT_ENV] = "json";

  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      config: loaded.config,
      configPath: loaded.path,
      host: options.host,
      port: options.port,
      env: io.env,
      logToStdout: !isDaemonChild,
      logToFile: isDaemonChild || loaded.config.log,
    });
  } catch (error) {
    if (StartError.isInstance(error) || error instanceof Error) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const pidPath = pidFilePath(io.env, server.port);
  writePidFile(
    {
      pid: process.pid,
      host: server.host,
      port: server.port,
      startedAt: Date.now(),
      version: VERSION,
      ...(loaded.path !== undefined && { configPath: loaded.path }),
    },
    pidPath,
  );

  // One write, through the logger's own stdout writer (io.stdout in cli.ts), so no log line lands inside it.
  const banner = [`CCR ${VERSION} listening on ${server.url}\n`];
  for (const warning of loaded.warnings) banner.push(`warning: ${formatIssue(warning)}\n`);
  // describeConfig prints no key; redacting guards against one pasted into a name or URL.
  const listening = { ...loaded.config, host: server.host, port: server.port };
  banner.push(`${redactSecrets(describeConfig(listening), loaded.config)}\n`);
  banner.push(usageHints({ cli: cliInvocation(io.env), portFlag: portFlag(io, server.port) }));
  io.stdout(banner.join(""));

  // Never awaited: a slow DNS answer must not hold the start, and a warning is all it can give.
  if (options.probe !== false) {
    void probeUpstreams(server.config(), { env: io.env }).then((unreachable) => {
      for (const upstream of unreachable)
        server.logger.warn(
          { upstream: `${upstream.host}:${upstream.port}`, code: upstream.code },
          upstream.message,
        );
    });
  }

  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const onReload = () => void server.reload();
    const onStop = (signal: NodeJS.Signals) => {
      if (stopping) {
        // A second Ctrl-C means now.
        removePidFile(process.pid, pidPath);
        process.exit(1);
      }
      stopping = true;
      io.stdout(`CCR shutting down (${signal}): letting active requests finish\n`);
      void server.close().then(() => {
        io.stdout("CCR stopped\n");
        removePidFile(process.pid, pidPath);
        process.off("SIGHUP", onReload);
        process.off("SIGTERM", onStop);
        process.off("SIGINT", onStop);
        resolveExit(0);
      });
    };
    process.on("SIGHUP", onReload);
    process.on("SIGTERM", onStop);
    process.on("SIGINT", onStop);
  });
}

/**
 * Why this start must not go on, if it must not: a CCR proxy already answers on this port, or a running
 * proxy already serves this config file. A pid file whose process does not answer /health is stale (a
 * proxy that died, its pid reused) and ignored.
 */
async function runningConflict(
  io: CommandIo,
  wanted: { host: string; port: number; configPath?: string },
): Promise<string | undefined> {
  const others = runningProxies(io.env).filter((info) => info.pid !== process.pid);
  const samePortFirst = [...others].sort(
    (a, b) => Number(b.port === wanted.port) - Number(a.port === wanted.port),
  );
  for (const info of samePortFirst) {
    const samePort = wanted.port !== 0 && info.port === wanted.port;
    const sameConfig = wanted.configPath !== undefined && info.configPath === wanted.configPath;
    if (!samePort && !sameConfig) continue;
    const url = clientBaseUrl(info.host, info.port);
    if (!(await fetchHealth(url))) continue;
    const why = samePort ? `on port ${info.port}` : `on this config (${wanted.configPath})`;
    return `CCR is already running ${why}: pid ${info.pid} at ${url}. Use ccr stop --port ${info.port} or ccr restart, or start with another --port\n`;
  }
  if (wanted.port === 0) return undefined;
  // A proxy with no pid file here (another HOME, or its file deleted) still owns the port.
  const url = clientBaseUrl(wanted.host, wanted.port);
  const health = await fetchHealth(url, 500);
  if (!health) return undefined;
  const pid = health.pid !== null ? `pid ${health.pid} ` : "";
  return `CCR is already running on port ${wanted.port} (${pid}at ${url}): use ccr stop --port ${wanted.port}, or start with another --port\n`;
}

/** `--port N` when a bare client command would look elsewhere: another proxy runs, or the config says another PORT. */
function portFlag(io: CommandIo, port: number): string | undefined {
  const others = runningProxies(io.env).filter((info) => info.pid !== process.pid);
  const defaultPort = readClientSettings({ env: io.env }).port;
  return others.length > 0 || port !== defaultPort ? `--port ${port}` : undefined;
}

async function startInBackground(options: StartOptions, io: CommandIo): Promise<number> {
  const args: string[] = [];
  if (options.config) args.push("--config", resolve(options.config));
  if (options.port !== undefined) args.push("--port", String(options.port));
  if (options.host) args.push("--host", options.host);
  if (options.probe === false) args.push("--no-probe");
  try {
    const info = await startDaemon({ args, env: io.env });
    io.stdout(`CCR started in the background (pid ${info.pid}) on ${clientBaseUrl(info.host, info.port)}\n`);
    return 0;
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 1;
  }
}
