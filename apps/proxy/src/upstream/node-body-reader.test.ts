import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { Agent, request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { NodeBodyReader } from "./node-body-reader.js";

const decoder = new TextDecoder();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A server answering every request with `handler`, counting its connections and when each closes. */
async function serve(handler: (res: http.ServerResponse) => void) {
  let connections = 0;
  const closed: Promise<void>[] = [];
  const server = http.createServer((_req, res) => handler(res));
  server.on("connection", (socket) => {
    connections++;
    closed.push(new Promise((resolve) => socket.once("close", () => resolve())));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  cleanups.push(async () => {
    await agent.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { get: () => request(url, { dispatcher: agent }), connections: () => connections, closed };
}

async function readAll(reader: NodeBodyReader): Promise<string> {
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
  }
}

describe("NodeBodyReader", () => {
  it("reads a body chunk by chunk, waiting for chunks that have not arrived yet", async () => {
    const upstream = await serve((res) => {
      res.write("first ");
      setTimeout(() => res.end("second"), 30);
    });
    const answer = await upstream.get();
    expect(await readAll(new NodeBodyReader(answer.body))).toBe("first second");
  });

  it("drops a finished body without closing its connection, which serves the next request", async () => {
    const upstream = await serve((res) => res.end("data: [DONE]\n\n"));
    const first = await upstream.get();
    const reader = new NodeBodyReader(first.body);
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await (await upstream.get()).body.text()).toBe("data: [DONE]\n\n");
    expect(upstream.connections()).toBe(1);
  });

  it("aborts an upstream that keeps sending after it is cancelled, and settles a pending read", async () => {
    const upstream = await serve((res) => {
      res.write("data: one\n\n");
      const timer = setInterval(() => res.write("data: more\n\n"), 5);
      res.on("close", () => clearInterval(timer));
    });
    const reader = new NodeBodyReader((await upstream.get()).body);
    await reader.read();
    await reader.cancel();
    await expect(upstream.closed[0]).resolves.toBeUndefined();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });

  it("rejects a read when the body fails", async () => {
    const body = new Readable({ read() {} });
    const reader = new NodeBodyReader(body);
    const pending = reader.read();
    body.destroy(new Error("socket reset"));
    await expect(pending).rejects.toThrow("socket reset");
  });
});
