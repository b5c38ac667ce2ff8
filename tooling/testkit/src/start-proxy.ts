import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtCliPath } from "./repo-root.js";

export interface StartProxyOptions {
  /** The config file content (an object is written as JSON, a string as it is). */
  config: unknown;
  /** Default: the repository's apps/proxy/dist/cli.js. */
  cliPath?: string;
  /** Extra environment; HOME points at a fresh temp folder unless given here. */
  env?: Record<string, string | undefined>;
  /** Extra `ccr start` arguments. */
  args?: string[];
  /** Node flags for the proxy process, e.g. `--cpu-prof` to profile it. */
  nodeArgs?: string[];
  startTimeoutMs?: number;
}

export interface RunningProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly home: string;
  readonly configPath: string;
  readonly process: ChildProcess;
  /** Everything the proxy printed so far. */
  stdout(): string;
  stderr(): string;
  /** Sends `signal` (default SIGTERM) and resolves with the exit code once the process ends. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Rewrites the config file (for hot reload tests). */
  writeConfig(config: unknown): void;
}

/**
 * Starts the built `ccr start --config <tmp> --port 0` as a user would, and resolves once it printed
 * its address and answers /health. The temp HOME and config are removed by `stop()`.
 */
export async function startProxy(options: StartProxyOptions): Promise<RunningProxy> {
  const cliPath = options.cliPath ?? builtCliPath();
  if (!existsSync(cliPath)) {
    throw new Error(`testkit: ${cliPath} does not exist: build it first (pnpm --filter @ccr/proxy... build)`);
  }
  const dir = mkdtempSync(join(tmpdir(), "ccr-proxy-"));
  const home = options.env?.HOME ?? join(dir, "home");
  const configPath = join(dir, "config.json");
  const writeConfig = (config: unknown) =>
    writeFileSync(configPath, typeof config === "string" ? config : JSON.stringify(config, null, 2));
  writeConfig(options.config);

  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      cliPath,
      "start",
      "--config",
      configPath,
      "--port",
      "0",
      ...(options.args ?? []),
    ],
    { env: { ...process.env, ...options.env, HOME: home }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error("did not print its address in time")),
      options.startTimeoutMs ?? 15_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(
        new Error(`testkit: ccr start failed: ${error.message}\nstdout:\n${stdout}\nstderr:\n${stderr}`),
      );
    };
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off("data", onData);
      resolve(match[1]!);
    };
    child.stdout.on("data", onData);
    void exited.then((code) => fail(new Error(`exited with code ${code}`)));
  });
  const health = await fetch(`${url}/health`);
  if (!health.ok) throw new Error(`testkit: ${url}/health answered ${health.status}`);

  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid!,
    home,
    configPath,
    process: child,
    stdout: () => stdout,
    stderr: () => stderr,
    writeConfig,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}
