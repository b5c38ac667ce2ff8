import http from "node:http";
import type { AddressInfo } from "node:net";
import type { UpstreamReply } from "@ccr/router";
import { Agent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { dispatchTransport } from "./create-upstream.js";

const decoder = new TextDecoder();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A server answering every request with `handler`, counting its connections and when each closes. */
async function serve(handler: (res: http.ServerResponse) => void) {
  let connections = 0;
  const closed: Promise<void>[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    handler(res);
  });
  server.on("connection", (socket) => {
    connections++;
    closed.push(new Promise((resolve) => socket.once("close", () => resolve())));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const transport = dispatchTransport(agent);
  cleanups.push(async () => {
    await agent.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    post: (signal = new AbortController().signal) => transport({ url, headers: {}, body: "{}", signal }),
    connections: () => connections,
    closed,
  };
}

/** Everything a pushed body delivers, and how it ended. */
function collect(reply: UpstreamReply) {
  const chunks: string[] = [];
  let flow: ReturnType<UpstreamReply["stream"]> | undefined;
  const ended = new Promise<"end" | Error>((resolve) => {
    flow = reply.stream({
      data: (chunk) => chunks.push(decoder.decode(chunk)),
      end: () => resolve("end"),
      error: (error) => resolve(error as Error),
    });
  });
  return { chunks, ended, flow: flow! };
}

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the dispatch transport's upstream calls", () => {
  it("reads a whole answer as text, with its status and headers", async () => {
    const upstream = await serve((res) => {
      res.writeHead(201, { "content-type": "application/json", "x-multi": ["a", "b"] });
      res.end('{"answer":"é"}');
    });
    const reply = await upstream.post();
    expect(reply.status).toBe(201);
    expect(reply.header("x-multi")).toBe("a, b");
    expect(JSON.parse(await reply.text())).toEqual({ answer: "é" });
  });

  it("pushes each chunk to the receiver as it arrives, what came before the receiver first", async () => {
    let write!: (text: string) => void;
    let end!: () => void;
    const upstream = await serve((res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("one ");
      write = (text) => res.write(text);
      end = () => res.end();
    });
    const reply = await upstream.post();
    await tick();
    const body = collect(reply);
    // What had arrived is delivered during the call to stream().
    expect(body.chunks.join("")).toBe("one ");
    write("two ");
    await expect.poll(() => body.chunks.join("")).toBe("one two ");
    end();
    expect(await body.ended).toBe("end");
  });

  it("holds a fast upstream when paused, and delivers everything once resumed", async () => {
    const part = "x".repeat(16 * 1024);
    const upstream = await serve((res) => {
      res.writeHead(200);
      for (let i = 0; i < 64; i++) res.write(part);
      res.end();
    });
    const reply = await upstream.post();
    const body = collect(reply);
    body.flow.pause();
    await tick(50);
    const whilePaused = body.chunks.join("").length;
    expect(whilePaused).toBeLessThan(64 * part.length);
    body.flow.resume();
    expect(await body.ended).toBe("end");
    expect(body.chunks.join("").length).toBe(64 * part.length);
  });

  it("keeps the pooled connection when a body that arrived whole is discarded", async () => {
    const upstream = await serve((res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end("data: [DONE]\n\n");
    });
    const first = await upstream.post();
    await expect(collect(first).ended).resolves.toBe("end");
    first.discard();
    // undici frees the socket once the end callback has returned: the next request comes a tick later.
    await new Promise((resolve) => setImmediate(resolve));
    await (await upstream.post()).text();
    expect(upstream.connections()).toBe(1);
  });

  it("aborts an upstream that lingers after it was discarded, closing its connection", async () => {
    const upstream = await serve((res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: [DONE]\n\n");
    });
    const reply = await upstream.post();
    const body = collect(reply);
    await expect.poll(() => body.chunks.length).toBe(1);
    reply.discard();
    await upstream.closed[0];
  });

  it("rejects at once when the signal aborts before the answer, even with no answer coming", async () => {
    const upstream = await serve(() => {});
    const controller = new AbortController();
    const pending = upstream.post(controller.signal);
    await tick();
    controller.abort(new Error("client left"));
    await expect(pending).rejects.toThrow("client left");
    await expect(upstream.post(AbortSignal.abort(new Error("already gone")))).rejects.toThrow("already gone");
  });

  it("reports a connection cut mid-body as the body's error", async () => {
    const upstream = await serve((res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: 1\n\n");
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const body = collect(await upstream.post());
    expect(await body.ended).toBeInstanceOf(Error);
    expect(body.chunks.join("")).toBe("data: 1\n\n");
  });
});
