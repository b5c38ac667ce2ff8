import { join } from "node:path";
import { describeDemoTiers } from "../demo/demo-config.js";
import { startDemoTraffic } from "../demo/demo-traffic.js";
import { DEMO_PORT, type RunningDemo, startDemo, writeDemoPidFile } from "../demo/start-demo.js";
import { createLogger } from "../logging/create-logger.js";
import { LOG_FORMAT_ENV } from "../logging/log-format.js";
import { logDir } from "../runtime/ccr-home.js";
import { cliInvocation } from "../runtime/cli-invocation.js";
import { loadDashboard } from "../runtime/load-dashboard.js";
import { removePidFile } from "../runtime/pid-file.js";
import { fetchHealth } from "../runtime/proxy-health.js";
import { clientBaseUrl } from "../runtime/wait-for-health.js";
import { StartError } from "../server/start-error.js";
import { VERSION } from "../version.js";
import { type CommandIo, processIo } from "./command-io.js";
import { alignColumns } from "./start-banner.js";

export interface DemoOptions {
  port?: number;
  host?: string;
  /** Open the dashboard in this terminal. Default: when stdin and stdout are a terminal. */
  dashboard?: boolean;
  /** Send a sample request every few seconds. Default: with the dashboard. */
  traffic?: boolean;
  jsonLogs?: boolean;
  /** Whether this is an interactive terminal; default from process.stdin/stdout. */
  tty?: boolean;
}

/**
 * `ccr demo`: the proxy on two built-in tiers served by fake providers inside this process (no account,
 * no key, nothing leaves the machine): the first rate-limits every other request, the second answers.
 * On a terminal it opens the dashboard here and feeds it sample requests; headless it just serves, with
 * JSON logs on stdout, until SIGINT/SIGTERM.
 */
export async function demoCommand(options: DemoOptions, io: CommandIo = processIo): Promise<number> {
  const tty = options.tty ?? (process.stdin.isTTY === true && process.stdout.isTTY === true);
  const withDashboard = options.dashboard ?? tty;
  const port = options.port ?? DEMO_PORT;
  const host = options.host ?? "127.0.0.1";
  if (port !== 0) {
    const health = await fetchHealth(clientBaseUrl(host, port), 500);
    if (health) {
      const cli = cliInvocation(io.env);
      io.stderr(
        `CCR already answers on port ${port}${health.pid !== null ? ` (pid ${health.pid})` : ""}: ` +
          `watch it with ${cli} dashboard --port ${port}, stop it with ${cli} stop --port ${port}, or use ${cli} demo --port N\n`,
      );
      return 1;
    }
  }

  if (options.jsonLogs) process.env[LOG_FORMAT_ENV] = "json";
  const logFolder = join(logDir(io.env), "demo");
  // With the dashboard on the screen, logs go to a file only; headless, they are the output.
  const { logger, flush } = createLogger({ level: "info", stdout: !withDashboard, fileDir: logFolder });
  let demo: RunningDemo;
  try {
    demo = await startDemo({ host, port, logger });
  } catch (error) {
    flush();
    if (StartError.isInstance(error) || error instanceof Error) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const pidPath = writeDemoPidFile(io.env, demo);
  io.stdout(demoIntro(demo.server.url, demo.server.port, cliInvocation(io.env), logFolder));

  const traffic = (options.traffic ?? withDashboard) ? startDemoTraffic(demo.server.url) : undefined;
  let stopping: Promise<number> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      traffic?.stop();
      await demo.close();
      removePidFile(process.pid, pidPath);
      flush();
      return 0;
    })();
    return stopping;
  };

  if (withDashboard) {
    const dashboard = await loadDashboard();
    if (dashboard.ok) {
      await dashboard.runDashboard({ url: demo.server.url });
      const cli = cliInvocation(io.env);
      io.stdout(
        `\nCCR demo stopped. Next: ${cli} init writes your own config; ${cli} demo --no-dashboard serves the demo without the dashboard.\n`,
      );
      return stop();
    }
    io.stderr(`${dashboard.message}The demo keeps serving without it; Ctrl-C stops it.\n`);
  }
  return new Promise<number>((resolveExit) => {
    const onSignal = () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      void stop().then(resolveExit);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

/** What the demo is and what to try, with commands that run as printed. */
export function demoIntro(url: string, port: number, cli: string, logFolder: string): string {
  const portFlag = ` --port ${port}`;
  const tiers = describeDemoTiers();
  const width = Math.max(...tiers.map((tier) => tier.id.length));
  const request = JSON.stringify({
    model: "claude-sonnet-4-5",
    max_tokens: 200,
    messages: [{ role: "user", content: "Hello, which tier answers?" }],
  });
  const commands = alignColumns([
    `  ${cli} code --demo${port === 3457 ? "" : portFlag}  Claude Code on the demo tiers (needs claude on PATH)`,
    `  ${cli} dashboard${portFlag}  the live dashboard`,
    `  ${cli} status${portFlag}  tiers, requests, tokens, once`,
  ]);
  return [
    `CCR ${VERSION} demo listening on ${url}: two built-in tiers, no account, no key, nothing leaves this machine`,
    ...tiers.map((tier, index) => `  tier ${index}  ${tier.id.padEnd(width)}  ${tier.behaviour}`),
    "",
    "Try it from another terminal (run the curl twice: the x-ccr-tier header says which tier answered):",
    `  curl -i ${url}/v1/messages -H 'content-type: application/json' -d '${request}'`,
    ...commands,
    `Then write your own config: ${cli} init`,
    `Logs: ${logFolder}/ccr.log.  Stop: q in the dashboard, or Ctrl-C.`,
    "",
    "",
  ].join("\n");
}
