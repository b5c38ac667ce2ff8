import { createServer, request, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { describe, expect, it } from "vitest";
import { trackConnections } from "./graceful-close.js";

async function serverWith(handler: Parameters<typeof createServer>[1]) {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port, connections: trackConnections(server) };
}

function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    request({ port, host: "127.0.0.1", path: "/" }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve(body));
      res.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

const openSpareSocket = (port: number) =>
  new Promise<void>((resolve) => {
    const socket = connect(port, "127.0.0.1", () => resolve());
    socket.on("error", () => {});
  });

describe("trackConnections", () => {
  it("lets a response in flight finish, and does not wait for a socket that never sent a request", async () => {
    const { port, connections } = await serverWith((_req, res) => {
      res.write("first ");
      setTimeout(() => res.end("last"), 300);
    });
    await openSpareSocket(port);
    const answer = get(port);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const start = performance.now();
    let timedOut = false;
    await connections.close(5_000, () => {
      timedOut = true;
    });
    expect(await answer).toBe("first last");
    expect(timedOut).toBe(false);
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it("cuts a response that outlives the timeout", async () => {
    const { port, connections } = await serverWith((_req, res) => {
      res.write("never ends");
    });
    const answer = get(port).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    let timedOut = false;
    await connections.close(200, () => {
      timedOut = true;
    });
    expect(timedOut).toBe(true);
    expect(await answer).toBeInstanceOf(Error);
  });
});
