import http from "node:http";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { createDispatchFetch } from "./dispatch-fetch.js";
import { UpstreamBody } from "./upstream-body.js";
import type { UpstreamResponse } from "./upstream-response.js";

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
  const fetch = createDispatchFetch(agent);
  cleanups.push(async () => {
    await agent.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    get: async () => ((await fetch(url)) as unknown as UpstreamResponse).chunks(),
    connections: () => connections,
    closed,
  };
}

async function readAll(reader: { read(): Promise<ReadableStreamReadResult<Uint8Array>> }) {
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
  }
}

/** The controller undici hands a dispatch handler, recording what the body asks of it. */
function fakeController() {
  const calls: string[] = [];
  return {
    calls,
    controller: {
      aborted: false,
      paused: false,
      reason: null,
      abort: (reason: Error) => calls.push(`abort: ${reason.message}`),
      pause: () => calls.push("pause"),
      resume: () => calls.push("resume"),
    },
  };
}

describe("UpstreamBody", () => {
  it("reads a body chunk by chunk, waiting for chunks that have not arrived yet", async () => {
    const upstream = await serve((res) => {
      res.write("first ");
      setTimeout(() => res.end("second"), 30);
    });
    expect(await readAll(await upstream.get())).toBe("first second");
  });

  it("drops a finished body without closing its connection, which serves the next request", async () => {
    const upstream = await serve((res) => res.end("data: [DONE]\n\n"));
    const reader = await upstream.get();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await readAll(await upstream.get())).toBe("data: [DONE]\n\n");
    expect(upstream.connections()).toBe(1);
  });

  it("aborts an upstream that keeps sending after it is cancelled, and settles a pending read", async () => {
    const upstream = await serve((res) => {
      res.write("data: one\n\n");
      const timer = setInterval(() => res.write("data: more\n\n"), 5);
      res.on("close", () => clearInterval(timer));
    });
    const reader = await upstream.get();
    await reader.read();
    await reader.cancel();
    await expect(upstream.closed[0]).resolves.toBeUndefined();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });

  it("pauses the upstream while too much is unread, and resumes it once read", async () => {
    const { calls, controller } = fakeController();
    const body = new UpstreamBody(controller);
    for (let i = 0; i < 5; i++) body.push(Buffer.alloc(16 * 1024));
    expect(calls).toEqual(["pause"]);
    for (let i = 0; i < 3; i++) await body.read();
    expect(calls).toEqual(["pause"]);
    await body.read();
    expect(calls).toEqual(["pause", "resume"]);
  });

  it("rejects a read when the body fails", async () => {
    const body = new UpstreamBody(fakeController().controller);
    const pending = body.read();
    body.fail(new Error("socket reset"));
    await expect(pending).rejects.toThrow("socket reset");
  });
});
