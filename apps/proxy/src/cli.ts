#!/usr/bin/env node
import { parseArgs } from "node:util";
import type { StatuslineOptions } from "./commands/statusline.js";

/**
 * `ccr statusline` runs on every redraw of Claude Code's screen: it goes straight to its command, without
 * loading commander and the other commands. Anything unusual (help, a bad flag) takes the full path,
 * which explains itself.
 */
function statuslineArgs(args: readonly string[]): StatuslineOptions | undefined {
  if (args[0] !== "statusline") return undefined;
  try {
    const { values } = parseArgs({
      args: args.slice(1),
      options: {
        config: { type: "string", short: "c" },
        port: { type: "string", short: "p" },
        host: { type: "string", short: "H" },
      },
      strict: true,
    });
    if (values.port !== undefined && !(/^\d+$/.test(values.port) && Number(values.port) <= 65535))
      return undefined;
    return {
      ...(values.config !== undefined && { config: values.config }),
      ...(values.port !== undefined && { port: Number(values.port) }),
      ...(values.host !== undefined && { host: values.host }),
    };
  } catch {
    return undefined;
  }
}

const statusline = statuslineArgs(process.argv.slice(2));
if (statusline) {
  const { statuslineCommand } = await import("./commands/statusline.js");
  process.exitCode = await statuslineCommand(statusline);
} else {
  const { runProgram } = await import("./cli-program.js");
  await runProgram();
}
