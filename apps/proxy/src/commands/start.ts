import { resolve } from "node:path";
import { describeConfig, formatIssue, loadConfig, redactSecrets } from "@ccr/config";
import { describeConfigFailure } from "../runtime/config-error-message.js";
import { DAEMON_ENV, startDaemon } from "../runtime/daemon.js";
import { pidFilePath, removePidFile, runningProxy, writePidFile } from "../runtime/pid-file.js";
import { loadProviderPackages } from "../runtime/provider-packages.js";
import { clientBaseUrl, waitForHealth } from "../runtime/wait-for-health.js";
import { StartError } from "../server/start-error.js";
import { startServer } from "../server/start-server.js";
import { VERSION } from "../version.js";
import { type CommandIo, processIo } from "./command-io.js";

export interface StartOptions {
  config?: string;
  port?: number;
  host?: string;
  daemon?: boolean;
}

/** `ccr start`: foreground until SIGTERM/SIGINT (exit 0), or `--daemon` (returns once /health answers). */
export async function startCommand(options: StartOptions, io: CommandIo = processIo): Promise<number> {
  const pidPath = pidFilePath(io.env);
  const running = runningProxy(pidPath);
  // A live pid that does not answer /health is a reused pid from a proxy that died: not running.
  if (
    running &&
    running.pid !== process.pid &&
    (await waitForHealth(clientBaseUrl(running.host, running.port), { timeoutMs: 1000 }))
  ) {
    io.stderr(
      `CCR is already running (pid ${running.pid} on ${clientBaseUrl(running.host, running.port)}): use ccr stop or ccr restart\n`,
    );
    return 1;
  }
  const isDaemonChild = io.env[DAEMON_ENV] === "1";
  if (options.daemon && !isDaemonChild) return startInBackground(options, io);

  let loaded: Awaited<ReturnType<typeof loadConfig>>;
  try {
    loaded = await loadConfig({ path: options.config, env: io.env, loadProviders: loadProviderPackages });
  } catch (error) {
    const failure = describeConfigFailure(error);
    io.stderr(failure.message);
    return failure.exitCode;
  }

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
  writePidFile(
    { pid: process.pid, host: server.host, port: server.port, startedAt: Date.now(), version: VERSION },
    pidPath,
  );

  io.stdout(`CCR ${VERSION} listening on ${server.url}\n`);
  for (const warning of loaded.warnings) io.stdout(`warning: ${formatIssue(warning)}\n`);
  // describeConfig prints no key; redacting guards against one pasted into a name or URL.
  const listening = { ...loaded.config, host: server.host, port: server.port };
  io.stdout(`${redactSecrets(describeConfig(listening), loaded.config)}\n`);
  io.stdout(`Use it: ccr code, or eval "$(ccr activate)" and run claude\n`);

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

async function startInBackground(options: StartOptions, io: CommandIo): Promise<number> {
  // Checked here too so a bad config fails in the terminal, not in a log file.
  try {
    await loadConfig({ path: options.config, env: io.env, loadProviders: loadProviderPackages });
  } catch (error) {
    const failure = describeConfigFailure(error);
    io.stderr(failure.message);
    return failure.exitCode;
  }
  const args: string[] = [];
  if (options.config) args.push("--config", resolve(options.config));
  if (options.port !== undefined) args.push("--port", String(options.port));
  if (options.host) args.push("--host", options.host);
  try {
    const info = await startDaemon({ args, env: io.env });
    io.stdout(`CCR started in the background (pid ${info.pid}) on ${clientBaseUrl(info.host, info.port)}\n`);
    return 0;
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 1;
  }
}
