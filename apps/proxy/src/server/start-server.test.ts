import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { normalizeConfig } from "@ccr/config";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { StartError } from "./start-error.js";
import { type RunningServer, startServer } from "./start-server.js";

const raw = {
  Providers: [{ name: "p", api_base_url: "http://127.0.0.1:9/v1/chat/completions", models: ["m"] }],
  Router: { default: "p,m" },
};
const configOf = (extra: Record<string, unknown> = {}) => normalizeConfig({ ...raw, ...extra }).config;
const logger = pino({ level: "silent" });

let servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function start(options: Partial<Parameters<typeof startServer>[0]> = {}) {
  const server = await startServer({ config: configOf(), port: 0, logger, env: {}, ...options });
  servers.push(server);
  return server;
}

describe("startServer", () => {
  it("listens on a free port with port 0 and answers health", async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it("refuses a non-loopback host without an APIKEY", async () => {
    const error = await startServer({ config: configOf(), host: "0.0.0.0", port: 0, logger }).catch((e) => e);
    expect(StartError.isInstance(error)).toBe(true);
    expect((error as StartError).code).toBe("unsafe_host");
  });

  it("says the port is in use", async () => {
    const first = await start();
    const error = await startServer({ config: configOf(), port: first.port, logger }).catch((e) => e);
    expect((error as StartError).code).toBe("port_in_use");
    expect((error as Error).message).toBe(
      `port ${first.port} is in use: stop the other process or use --port`,
    );
  });

  it("reloads a valid config and keeps the old one on an invalid one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccr-reload-"));
    const configPath = join(dir, "config.json");
    writeFileSync(configPath, JSON.stringify(raw));
    const server = await start({ configPath, watch: false });
    writeFileSync(configPath, JSON.stringify({ ...raw, APIKEY: "new-key" }));
    expect(await server.reload()).toBe(true);
    expect(server.config().apiKey).toBe("new-key");
    expect((await fetch(`${server.url}/v1/models`)).status).toBe(401);
    writeFileSync(configPath, "{ broken");
    expect(await server.reload()).toBe(false);
    expect(server.config().apiKey).toBe("new-key");
  });

  it("will not drop the APIKEY while listening beyond loopback", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccr-reload-key-"));
    const configPath = join(dir, "config.json");
    writeFileSync(configPath, JSON.stringify({ ...raw, APIKEY: "k" }));
    const server = await start({
      config: configOf({ APIKEY: "k" }),
      host: "0.0.0.0",
      configPath,
      watch: false,
    });
    writeFileSync(configPath, JSON.stringify(raw));
    expect(await server.reload()).toBe(false);
    expect(server.config().apiKey).toBe("k");
  });

  it("close() stops accepting and resolves", async () => {
    const server = await start();
    await server.close();
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});
