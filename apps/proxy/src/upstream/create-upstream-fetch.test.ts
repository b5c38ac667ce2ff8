import { createServer, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createUpstream } from "./create-upstream-fetch.js";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

const origin = () =>
  listen(
    createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ path: req.url, auth: req.headers.authorization }));
    }),
  );

/** A minimal HTTP proxy (CONNECT tunnels, as undici's ProxyAgent uses) that records what it tunnels. */
async function connectProxy(): Promise<{ port: number; tunnels: string[] }> {
  const tunnels: string[] = [];
  const server = createServer();
  server.on("connect", (req, clientSocket, head) => {
    tunnels.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      clientSocket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    upstream.on("error", () => clientSocket.destroy());
    clientSocket.on("error", () => upstream.destroy());
  });
  return { port: await listen(server), tunnels };
}

describe("createUpstream", () => {
  it("fetches directly through a pooled agent", async () => {
    const port = await origin();
    const upstream = createUpstream({ env: {} });
    const response = await upstream.fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer k" },
      body: "{}",
    });
    expect(await response.json()).toEqual({ path: "/v1/chat/completions", auth: "Bearer k" });
    await upstream.close();
  });

  it("goes through PROXY_URL when set", async () => {
    const port = await origin();
    const proxy = await connectProxy();
    const upstream = createUpstream({ proxyUrl: `http://127.0.0.1:${proxy.port}`, env: {} });
    const response = await upstream.fetch(`http://127.0.0.1:${port}/x`, { method: "GET" });
    expect(await response.json()).toMatchObject({ path: "/x" });
    expect(proxy.tunnels).toEqual([`127.0.0.1:${port}`]);
    await upstream.close();
  });

  it("honours HTTP_PROXY from the environment, and NO_PROXY", async () => {
    const port = await origin();
    const proxy = await connectProxy();
    const viaEnv = createUpstream({ env: { HTTP_PROXY: `http://127.0.0.1:${proxy.port}` } });
    await (await viaEnv.fetch(`http://127.0.0.1:${port}/y`)).json();
    expect(proxy.tunnels).toHaveLength(1);
    await viaEnv.close();
    const bypass = createUpstream({
      env: { HTTP_PROXY: `http://127.0.0.1:${proxy.port}`, NO_PROXY: "127.0.0.1" },
    });
    await (await bypass.fetch(`http://127.0.0.1:${port}/z`)).json();
    expect(proxy.tunnels).toHaveLength(1);
    await bypass.close();
  });
});
