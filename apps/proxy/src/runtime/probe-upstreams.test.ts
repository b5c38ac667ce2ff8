import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:net";
import { normalizeConfig } from "@ccr/config";
import { afterEach, describe, expect, it } from "vitest";
import { probeUpstreams } from "./probe-upstreams.js";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listening(): Promise<number> {
  const server = createServer((socket) => socket.destroy());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on: one that was just free. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function config(urls: Record<string, string>, extra: Record<string, unknown> = {}) {
  const names = Object.keys(urls);
  return normalizeConfig(
    {
      Providers: names.map((name) => ({ name, api_base_url: urls[name], models: ["m"] })),
      Router: { default: `${names[0]},m`, tiers: names.map((name) => `${name},m`) },
      ...extra,
    },
    { env: {} },
  ).config;
}

describe("probeUpstreams", () => {
  it("reports a refused connection and says nothing of a listening upstream", async () => {
    const up = await listening();
    const down = await closedPort();
    const unreachable = await probeUpstreams(
      config({ up: `http://127.0.0.1:${up}/v1`, down: `http://127.0.0.1:${down}/v1` }),
      { env: {} },
    );
    expect(unreachable).toEqual([
      expect.objectContaining({ providers: ["down"], host: "127.0.0.1", port: down, code: "ECONNREFUSED" }),
    ]);
    expect(unreachable[0]!.message).toContain(`down at 127.0.0.1:${down} refused the connection`);
  });

  it("reports a host name that does not resolve, with the default port of the scheme", async () => {
    const unreachable = await probeUpstreams(config({ nowhere: "https://ccr-probe-test.invalid/v1" }), {
      env: {},
      timeoutMs: 5000,
    });
    expect(unreachable).toHaveLength(1);
    expect(unreachable[0]).toMatchObject({ host: "ccr-probe-test.invalid", port: 443 });
    // No resolver at all (a sandbox) fails differently, but fails.
    expect(["ENOTFOUND", "EAI_AGAIN", "timeout"]).toContain(unreachable[0]!.code);
  });

  it("probes the upstream proxy instead of the providers behind it, once", async () => {
    const down = await closedPort();
    const unreachable = await probeUpstreams(
      config(
        { a: "https://a.example/v1", b: "https://b.example/v1" },
        { PROXY_URL: `http://127.0.0.1:${down}` },
      ),
      { env: {} },
    );
    expect(unreachable).toEqual([
      expect.objectContaining({ providers: ["a", "b"], port: down, viaProxy: `http://127.0.0.1:${down}` }),
    ]);
    expect(unreachable[0]!.message).toContain("the upstream proxy");
  });
});
