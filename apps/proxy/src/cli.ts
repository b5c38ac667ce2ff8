#!/usr/bin/env node
import { Command, InvalidArgumentError } from "commander";
import { activateCommand } from "./commands/activate.js";
import { codeCommand } from "./commands/code.js";
import { restartCommand } from "./commands/restart.js";
import { startCommand } from "./commands/start.js";
import { statusCommand } from "./commands/status.js";
import { stopCommand } from "./commands/stop.js";
import { validateCommand } from "./commands/validate.js";
import { VERSION } from "./version.js";

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new InvalidArgumentError("expected a port number from 0 to 65535 (0 picks a free port)");
  }
  return port;
}

const CONFIG_HELP = "config file (default: $CCR_CONFIG, then ~/.claude-code-router/config.json)";

const program = new Command("ccr")
  .description("CCR: a local proxy that keeps Claude Code working when a provider rate-limits")
  .version(VERSION, "-v, --version")
  .enablePositionalOptions()
  .showHelpAfterError("(run with --help for usage)");

const run = (exitCode: Promise<number>) =>
  exitCode.then((code) => {
    process.exitCode = code;
  });

program
  .command("start")
  .description("start the proxy in the foreground (or in the background with --daemon)")
  .option("-c, --config <path>", CONFIG_HELP)
  .option("-p, --port <port>", "port to listen on (overrides PORT; 0 picks a free port)", parsePort)
  .option("-H, --host <host>", "host to bind (overrides HOST)")
  .option("-d, --daemon", "run in the background with a pid file; logs go to ~/.claude-code-router/logs")
  .action((options) => run(startCommand(options)));

program
  .command("stop")
  .description("stop the proxy started with start (SIGTERM, then wait for active requests)")
  .action(() => run(stopCommand()));

program
  .command("restart")
  .description("stop the running proxy and start it again in the background")
  .option("-c, --config <path>", CONFIG_HELP)
  .option("-p, --port <port>", "port to listen on (overrides PORT)", parsePort)
  .option("-H, --host <host>", "host to bind (overrides HOST)")
  .action((options) => run(restartCommand(options)));

program
  .command("status")
  .description("is the proxy running, and how is each tier doing")
  .option("-c, --config <path>", CONFIG_HELP)
  .option("-p, --port <port>", "port of the proxy (default: from the pid file or the config)", parsePort)
  .option("-H, --host <host>", "host of the proxy")
  .option("--json", "print JSON for scripts")
  .action((options) => run(statusCommand(options)));

program
  .command("validate")
  .description("check a config file and print its providers and tier chains")
  .option("-c, --config <path>", CONFIG_HELP)
  .action((options) => run(validateCommand(options)));

program
  .command("code")
  .description("run claude through the proxy (starting the proxy in the background if needed)")
  .argument("[args...]", "arguments passed to claude as they are")
  .allowUnknownOption()
  .passThroughOptions()
  .helpOption("--ccr-help", "show help for ccr code")
  .action((args: string[]) => run(codeCommand(args, {})));

program
  .command("activate")
  .description('print the shell lines that point claude at the proxy: eval "$(ccr activate)"')
  .option("-c, --config <path>", CONFIG_HELP)
  .action((options) => run(activateCommand(options)));

program
  .command("dashboard")
  .description("live terminal dashboard of the running proxy")
  .option("-c, --config <path>", CONFIG_HELP)
  .option("-p, --port <port>", "port of the proxy", parsePort)
  .option("-H, --host <host>", "host of the proxy")
  // Loaded on demand: the dashboard brings Ink and React, which `ccr start` should not pay for.
  .action(async (options) => {
    // Ink reads CI when it loads and would then draw nothing until exit; the dashboard is interactive.
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
    const { dashboardCommand } = await import("./commands/dashboard.js");
    await run(dashboardCommand(options));
  });

await program.parseAsync();
