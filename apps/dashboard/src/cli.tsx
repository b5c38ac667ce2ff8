#!/usr/bin/env node
import { parseArgs } from "node:util";

const USAGE = `usage: ccr-dashboard [--host HOST] [--port PORT] [--url URL]

Live terminal dashboard of a running CCR proxy. The proxy's APIKEY, if it has one, is read from
the CCR_APIKEY environment variable. \`ccr dashboard\` runs this with the address from your config.
`;

async function main(): Promise<number> {
  let values: { host?: string; port?: string; url?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: "string", short: "H" },
        port: { type: "string", short: "p" },
        url: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const port = Number(values.port ?? 3456);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
    process.stderr.write(`--port must be a port number, got ${values.port}\n`);
    return 2;
  }
  const host = values.host ?? "127.0.0.1";
  const url = values.url ?? `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  // Ink reads CI when it loads and would then draw nothing until exit; the dashboard is interactive.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const { runDashboard } = await import("./index.js");
  await runDashboard({ url, apiKey: process.env.CCR_APIKEY || undefined });
  return 0;
}

process.exitCode = await main();
