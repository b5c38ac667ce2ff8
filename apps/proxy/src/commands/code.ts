import { spawn } from "node:child_process";
import { constants } from "node:os";
import { resolve } from "node:path";
import { loadConfig } from "@ccr/config";
import { describeConfigFailure } from "../runtime/config-error-message.js";
import { startDaemon } from "../runtime/daemon.js";
import { pidFilePath, runningProxy } from "../runtime/pid-file.js";
import { loadProviderPackages } from "../runtime/provider-packages.js";
import { clientBaseUrl, waitForHealth } from "../runtime/wait-for-health.js";
import { type CommandIo, processIo } from "./command-io.js";

export interface CodeOptions {
  config?: string;
}

/**
 * `ccr code [args...]`: make sure the proxy runs (as a daemon), then run `claude` against it with
 * the terminal, and exit with claude's code. `CCR_CLAUDE_BIN` overrides which binary runs.
 */
export async function codeCommand(
  args: string[],
  options: CodeOptions,
  io: CommandIo = processIo,
): Promise<number> {
  let apiKey: string | undefined;
  try {
    apiKey = (await loadConfig({ path: options.config, env: io.env, loadProviders: loadProviderPackages }))
      .config.apiKey;
  } catch (error) {
    const failure = describeConfigFailure(error);
    io.stderr(failure.message);
    return failure.exitCode;
  }

  let proxy = runningProxy(pidFilePath(io.env));
  if (proxy && !(await waitForHealth(clientBaseUrl(proxy.host, proxy.port), { timeoutMs: 1000 }))) {
    proxy = undefined;
  }
  if (!proxy) {
    try {
      proxy = await startDaemon({
        args: options.config ? ["--config", resolve(options.config)] : [],
        env: io.env,
      });
    } catch (error) {
      io.stderr(`${(error as Error).message}\n`);
      return 1;
    }
  }

  const { ANTHROPIC_AUTH_TOKEN: _ignored, ...inherited } = io.env;
  const claude = io.env.CCR_CLAUDE_BIN || "claude";
  const child = spawn(claude, args, {
    stdio: "inherit",
    env: {
      ...inherited,
      ANTHROPIC_BASE_URL: clientBaseUrl(proxy.host, proxy.port),
      ANTHROPIC_API_KEY: apiKey ?? "ccr",
    },
  });
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
