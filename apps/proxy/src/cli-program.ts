import { Command, InvalidArgumentError } from "commander";
import { VERSION } from "./version.js";

// Each command's module is imported when it runs: `--help` and the client commands must not pay for the
// server, the router and the provider packages.

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new InvalidArgumentError("expected a port number from 0 to 65535 (0 picks a free port)");
  }
  return port;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

const CONFIG_HELP = "config file (default: $CCR_CONFIG, then ~/.claude-code-router/config.json)";
const FIND_HELP = "(default: the one running proxy, else the config's)";

const program = new Command("ccr")
  .description("CCR: a local proxy that keeps Claude Code working when a provider rate-limits")
  .version(VERSION, "-v, --version")
  .enablePositionalOptions()
  .showHelpAfterError("(run with --help for usage)")
  .addHelpText(
    "after",
    "\nNew here? ccr demo shows the cascade on built-in tiers; ccr init writes your config.\nDocs: docs/cli.md in the CCR repository.",
  );

const run = (exitCode: Promise<number>) =>
  exitCode.then((code) => {
    process.exitCode = code;
  });

/** The options every client command takes to find its proxy. */
function targetOptions(command: Command): Command {
  return command
    .option("-c, --config <path>", CONFIG_HELP)
    .option("-p, --port <port>", `port of the proxy ${FIND_HELP}`, parsePort)
    .option("-H, --host <host>", "host of the proxy");
}

program
  .command("start")
  .description("start the proxy in the foreground (or in the background with --daemon)")
  .option("-c, --config <path>", CONFIG_HELP)
  .option("-p, --port <port>", "port to listen on (overrides PORT; 0 picks a free port)", parsePort)
  .option("-H, --host <host>", "host to bind (overrides HOST)")
  .option("-d, --daemon", "run in the background with a pid file; logs go to ~/.claude-code-router/logs")
  .option("--json-logs", "JSON log lines on stdout even on a terminal (default: pretty on a terminal)")
  .option("--no-probe", "skip the start-up check that each tier's upstream accepts connections")
  .action(async (options) => {
    const { startCommand } = await import("./commands/start.js");
    const { writeStdout } = await import("./logging/shared-stdout.js");
    const { processIo } = await import("./commands/command-io.js");
    // The banner goes through the logger's stdout writer, so log lines never land inside it.
    await run(startCommand(options, { ...processIo, stdout: writeStdout }));
  });

targetOptions(
  program.command("stop").description("stop a running proxy (SIGTERM, then wait for active requests)"),
).action(async (options) => {
  const { stopCommand } = await import("./commands/stop.js");
  await run(stopCommand(options));
});

program
  .command("restart")
  .description("stop the proxy on this port or config, and start it again in the background")
  .option("-c, --config <path>", CONFIG_HELP)
  .option("-p, --port <port>", "port to listen on (overrides PORT)", parsePort)
  .option("-H, --host <host>", "host to bind (overrides HOST)")
  .action(async (options) => {
    const { restartCommand } = await import("./commands/restart.js");
    await run(restartCommand(options));
  });

targetOptions(program.command("status").description("is the proxy running, and how is each tier doing"))
  .option("--json", "print JSON for scripts (without the per-second series)")
  .option("--series", "with --json: add the per-second series (600 points each)")
  .action(async (options) => {
    const { statusCommand } = await import("./commands/status.js");
    await run(statusCommand(options));
  });

program
  .command("validate")
  .description("check a config file and print its providers and tier chains")
  .option("-c, --config <path>", CONFIG_HELP)
  .action(async (options) => {
    const { validateCommand } = await import("./commands/validate.js");
    await run(validateCommand(options));
  });

program
  .command("init")
  .description(
    "write a commented config from the provider packages (asks on a terminal, or --provider flags)",
  )
  .option(
    "-c, --config <path>",
    "where to write it (default: $CCR_CONFIG, then ~/.claude-code-router/config.json)",
  )
  .option(
    "--provider <id[,model]>",
    "a tier, in cascade order; repeat for each (e.g. --provider deepseek --provider zai)",
    collect,
  )
  .option("-p, --port <port>", "PORT to write (default 3456)", parsePort)
  .option("-f, --force", "replace an existing file (kept as <file>.bak)")
  .option("--statusline", "also show CCR in Claude Code's status line (~/.claude/settings.json)")
  .option("--no-statusline", "do not ask about the status line")
  .action(async (options) => {
    const { initCommand } = await import("./commands/init.js");
    await run(initCommand(options));
  });

program
  .command("demo")
  .description("run the proxy on two built-in demo tiers (no account, no key) and open the dashboard")
  .option("-p, --port <port>", "port to listen on (default 3457; 0 picks a free port)", parsePort)
  .option("-H, --host <host>", "host to bind (default 127.0.0.1)")
  .option("--dashboard", "open the dashboard in this terminal (default: on a terminal)")
  .option("--no-dashboard", "just serve, with logs on stdout")
  .option("--traffic", "send a sample request every few seconds (default: with the dashboard)")
  .option("--no-traffic", "send no sample requests")
  .option("--json-logs", "JSON log lines on stdout even on a terminal")
  .action(async (options) => {
    const { demoCommand } = await import("./commands/demo.js");
    const { writeStdout } = await import("./logging/shared-stdout.js");
    const { processIo } = await import("./commands/command-io.js");
    await run(demoCommand(options, { ...processIo, stdout: writeStdout }));
  });

program
  .command("code")
  .description("run claude through the proxy (starting the proxy in the background if none answers)")
  .argument("[args...]", "arguments passed to claude as they are (ccr's own flags come first)")
  .option("--config <path>", CONFIG_HELP)
  .option("--port <port>", `port of the proxy ${FIND_HELP}`, parsePort)
  .option("--host <host>", "host of the proxy")
  .option("--demo", "use the built-in demo tiers (a running ccr demo, else one for this run)")
  .allowUnknownOption()
  .passThroughOptions()
  .helpOption("--ccr-help", "show help for ccr code")
  .action(async (args: string[], options) => {
    const { codeCommand } = await import("./commands/code.js");
    await run(codeCommand(args, options));
  });

targetOptions(
  program
    .command("activate")
    .description('print the shell lines that point claude at the proxy: eval "$(ccr activate)"'),
).action(async (options) => {
  const { activateCommand } = await import("./commands/activate.js");
  await run(activateCommand(options));
});

targetOptions(
  program
    .command("dashboard")
    .description("live terminal dashboard of a running proxy (needs @ccr/dashboard)"),
).action(async (options) => {
  const { dashboardCommand } = await import("./commands/dashboard.js");
  await run(dashboardCommand(options));
});

targetOptions(
  program
    .command("statusline")
    .description(
      "one line for Claude Code's status line: tier answering, model, tokens, cost, cooling tiers",
    ),
)
  .option("--install", "set `ccr statusline` as Claude Code's status line (~/.claude/settings.json)")
  .option("--force", "with --install: replace another status line")
  .action(async (options) => {
    const { statuslineCommand } = await import("./commands/statusline.js");
    await run(statuslineCommand(options));
  });

/** Parses `process.argv` and runs the command. */
export async function runProgram(): Promise<void> {
  await program.parseAsync();
}
