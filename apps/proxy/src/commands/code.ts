import { spawn } from "node:child_process";
import { constants } from "node:os";
import { join, resolve } from "node:path";
import { loadConfig } from "@ccr/config";
import { startDemo, writeDemoPidFile } from "../demo/start-demo.js";
import { createLogger } from "../logging/create-logger.js";
import { logDir } from "../runtime/ccr-home.js";
import { describeConfigFailure } from "../runtime/config-error-message.js";
import { startDaemon } from "../runtime/daemon.js";
import { removePidFile, runningProxies } from "../runtime/pid-file.js";
import { loadProviderPackages } from "../runtime/provider-packages.js";
import { fetchHealth } from "../runtime/proxy-health.js";
import { clientBaseUrl } from "../runtime/wait-for-health.js";
import { type CommandIo, processIo } from "./command-io.js";
import {
  AmbiguousProxyError,
  type ProxyTarget,
  type ProxyTargetOptions,
  resolveProxyTarget,
  unsetKeyWarning,
} from "./proxy-target.js";

export interface CodeOptions extends ProxyTargetOptions {
  /** Run claude against the built-in demo tiers (a running `ccr demo`, else one started for this run). */
  demo?: boolean;
}

const CLAUDE_INFO_FLAGS = new Set(["--help", "-h", "--version", "-v"]);

/** The proxy claude is pointed at, and what to do once claude exits. */
interface Proxy {
  readonly url: string;
  readonly apiKey?: string;
  release(): Promise<void>;
}

/**
 * `ccr code [args...]`: make sure a proxy runs (asking it on /health, starting a daemon when none answers),
 * then run `claude` against it with the terminal, and exit with claude's code. `CCR_CLAUDE_BIN` overrides
 * which binary runs. A running proxy needs no provider key in this shell: only HOST, PORT and APIKEY are read.
 */
export async function codeCommand(
  args: string[],
  options: CodeOptions,
  io: CommandIo = processIo,
): Promise<number> {
  // `ccr code --help` is claude's own help or version: no proxy and no config for that.
  if (args.some((arg) => CLAUDE_INFO_FLAGS.has(arg))) return runClaude(args, io.env, io);
  let proxy: Proxy | number;
  try {
    proxy = options.demo ? await demoProxy(options, io) : await configuredProxy(options, io);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 1;
  }
  if (typeof proxy === "number") return proxy;
  try {
    const { ANTHROPIC_AUTH_TOKEN: _ignored, ...inherited } = io.env;
    // An auth token would take precedence over the key in Claude Code.
    const env = { ...inherited, ANTHROPIC_BASE_URL: proxy.url, ANTHROPIC_API_KEY: proxy.apiKey ?? "ccr" };
    return await runClaude(args, env, io);
  } finally {
    await proxy.release();
  }
}

async function configuredProxy(options: CodeOptions, io: CommandIo): Promise<Proxy | number> {
  let target: ProxyTarget;
  try {
    target = resolveProxyTarget(options, io.env);
  } catch (error) {
    if (!(error instanceof AmbiguousProxyError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  }
  const warning = unsetKeyWarning(target);
  if (warning) io.stderr(warning);
  const release = async () => {};
  if (await fetchHealth(target.url))
    return { url: target.url, ...(target.apiKey !== undefined && { apiKey: target.apiKey }), release };

  // Nothing answers: start the proxy, whose config must then be complete (provider keys included).
  const configPath = options.config ?? target.recorded?.configPath;
  try {
    await loadConfig({ path: configPath, env: io.env, loadProviders: loadProviderPackages });
  } catch (error) {
    const failure = describeConfigFailure(error);
    io.stderr(failure.message);
    return failure.exitCode;
  }
  const info = await startDaemon({
    args: [
      ...(configPath !== undefined ? ["--config", resolve(configPath)] : []),
      ...(options.port !== undefined ? ["--port", String(options.port)] : []),
      ...(options.host !== undefined ? ["--host", options.host] : []),
    ],
    env: io.env,
  });
  io.stderr(`CCR started in the background (pid ${info.pid}) on ${clientBaseUrl(info.host, info.port)}\n`);
  return {
    url: clientBaseUrl(info.host, info.port),
    ...(target.apiKey !== undefined && { apiKey: target.apiKey }),
    release,
  };
}

/** A running `ccr demo` (so its dashboard shows claude's requests), else a demo for the length of this run. */
async function demoProxy(options: CodeOptions, io: CommandIo): Promise<Proxy> {
  for (const info of runningProxies(io.env)) {
    if (!info.demo || (options.port !== undefined && info.port !== options.port)) continue;
    const url = clientBaseUrl(info.host, info.port);
    if (await fetchHealth(url)) {
      io.stderr(`Using the CCR demo running on ${url} (pid ${info.pid})\n`);
      return { url, release: async () => {} };
    }
  }
  const logFolder = join(logDir(io.env), "demo");
  const { logger, flush } = createLogger({ level: "info", stdout: false, fileDir: logFolder });
  const demo = await startDemo({ port: options.port ?? 0, logger });
  const pidPath = writeDemoPidFile(io.env, demo);
  io.stderr(
    `CCR demo on ${demo.server.url} for this run (logs in ${logFolder}); its tiers are fake providers inside ccr\n`,
  );
  return {
    url: demo.server.url,
    release: async () => {
      await demo.close();
      removePidFile(process.pid, pidPath);
      flush();
    },
  };
}

async function runClaude(args: string[], env: CommandIo["env"], io: CommandIo): Promise<number> {
  const claude = io.env.CCR_CLAUDE_BIN || "claude";
  const child = spawn(claude, args, { stdio: "inherit", env });
  // Ctrl-C belongs to claude, which shares the terminal; this process just waits for it.
  const ignore = () => {};
  process.on("SIGINT", ignore);
  try {
    return await new Promise<number>((resolveExit) => {
      child.once("error", (error: NodeJS.ErrnoException) => {
        io.stderr(
          error.code === "ENOENT"
            ? `${claude} not found on PATH: install Claude Code (npm i -g @anthropic-ai/claude-code) or set CCR_CLAUDE_BIN\n`
            : `cannot run ${claude}: ${error.message}\n`,
        );
        resolveExit(127);
      });
      child.once("exit", (code, signal) =>
        resolveExit(code ?? 128 + (signal ? constants.signals[signal] : 0)),
      );
    });
  } finally {
    process.off("SIGINT", ignore);
  }
}
