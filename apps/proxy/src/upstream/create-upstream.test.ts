import { createServer, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createUpstream, type Upstream } from "./create-upstream.js";

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

/** One POST through the upstream's transport, its JSON answer parsed. */
async function post(upstream: Upstream, url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const reply = await upstream.transport({ url, headers, body: "{}", signal: new AbortController().signal });
  return JSON.parse(await reply.text());
}

describe("createUpstream", () => {
  it("fetches directly through a pooled agent", async () => {
    const port = await origin();
    const upstream = createUpstream({ env: {} });
    expect(
      await post(upstream, `http://127.0.0.1:${port}/v1/chat/completions`, { authorization: "Bearer k" }),
    ).toEqual({
      path: "/v1/chat/completions",
      auth: "Bearer k",
    });
    await upstream.close();
  });

  it("goes through PROXY_URL when set", async () => {
    const port = await origin();
    const proxy = await connectProxy();
    const upstream = createUpstream({ proxyUrl: `http://127.0.0.1:${proxy.port}`, env: {} });
    expect(await post(upstream, `http://127.0.0.1:${port}/x`)).toMatchObject({ path: "/x" });
    expect(proxy.tunnels).toEqual([`127.0.0.1:${port}`]);
    await upstream.close();
  });

  it("honours HTTP_PROXY from the environment, and NO_PROXY", async () => {
    const port = await origin();
    const proxy = await connectProxy();
    const viaEnv = createUpstream({ env: { HTTP_PROXY: `http://127.0.0.1:${proxy.port}` } });
    await post(viaEnv, `http://127.0.0.1:${port}/y`);
    expect(proxy.tunnels).toHaveLength(1);
    await viaEnv.close();
    const bypass = createUpstream({
      env: { HTTP_PROXY: `http://127.0.0.1:${proxy.port}`, NO_PROXY: "127.0.0.1" },
    });
    await post(bypass, `http://127.0.0.1:${port}/z`);
    expect(proxy.tunnels).toHaveLength(1);
    await bypass.close();
  });
});
