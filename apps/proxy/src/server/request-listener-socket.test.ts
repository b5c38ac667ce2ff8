import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { normalizeConfig } from "@ccr/config";
import type { AbortSignalLike, ServeOptions } from "@ccr/router";
import { afterEach, describe, expect, it } from "vitest";
import { type ScriptedAnswer, scriptedRouter } from "./__fixtures__/scripted-router.js";
import { createRequestListener } from "./create-request-listener.js";

// The same listener request-listener.test.ts drives in memory, over a real socket: chunked bodies, clients
// that leave, limits as a socket sees them.

const raw = {
  Providers: [{ name: "p", api_base_url: "http://127.0.0.1:1/v1/chat/completions", models: ["m"] }],
  Router: { default: "p,m" },
};
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const message = { model: "claude-sonnet-4-5", max_tokens: 16, messages: [{ role: "user", content: "hé ✓" }] };

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serveApp(
  answer: (request: unknown, options: ServeOptions) => Promise<ScriptedAnswer>,
  extra: Record<string, unknown> = {},
) {
  const config = normalizeConfig({ ...raw, ...extra }).config;
  const { router } = scriptedRouter((call) => answer(call.request, call.options));
  const listener = createRequestListener({
    router,
    config: () => config,
    logger: silent,
    version: "0.0.0",
    startedAt: 0,
    maxBodyBytes: 1024,
  });
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const json = (body: unknown): ScriptedAnswer => ({
  status: 200,
  headers: { "x-ccr-tier": "p,m" },
  body,
  stream: false,
  attempts: 1,
});

/** An SSE body whose second chunk comes only when `release` is called. */
function heldStream() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let cancelled: unknown;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode("event: message_start\ndata: {}\n\n"));
      await released;
      controller.enqueue(encoder.encode("event: message_stop\ndata: {}\n\n"));
      controller.close();
    },
    cancel(reason) {
      cancelled = reason ?? "cancelled";
    },
  });
  return { body, release, cancelled: () => cancelled };
}

describe("the messages route over a Node socket", () => {
  it("reads the body (split multi-byte characters included) and answers JSON with the request id", async () => {
    let seen: { request: unknown; signal?: AbortSignalLike } | undefined;
    const url = await serveApp(async (request, options) => {
      seen = { request, signal: options.signal };
      return json({ ok: true });
    });
    const bytes = Buffer.from(JSON.stringify(message));
    const split = bytes.indexOf(Buffer.from("✓")) + 1;
    // Chunked, with the cut inside a multi-byte character.
    const response = await fetch(`${url}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes.subarray(0, split));
          controller.enqueue(bytes.subarray(split));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(200);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(response.headers.get("x-ccr-tier")).toBe("p,m");
    expect(await response.json()).toEqual({ ok: true });
    expect(seen?.request).toEqual(message);
    expect(seen?.signal?.aborted).toBe(false);
  });

  it("streams SSE with its headers and the request id", async () => {
    const held = heldStream();
    const url = await serveApp(async () => ({ ...json(held.body), stream: true }));
    const response = await fetch(`${url}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...message, stream: true }),
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    held.release();
    expect(await response.text()).toBe("event: message_start\ndata: {}\n\nevent: message_stop\ndata: {}\n\n");
  });

  it("aborts the router's signal and cancels the stream when the client leaves mid-stream", async () => {
    const held = heldStream();
    let signal: AbortSignalLike | undefined;
    const url = await serveApp(async (_request, options) => {
      signal = options.signal;
      return { ...json(held.body), stream: true };
    });
    const controller = new AbortController();
    const response = await fetch(`${url}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...message, stream: true }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect.poll(() => signal?.aborted).toBe(true);
    await expect.poll(() => held.cancelled()).toBeDefined();
  });

  it("cancels a stream the router returns after the client has already left", async () => {
    const held = heldStream();
    const url = await serveApp(async (_request, options) => {
      await new Promise<void>((resolve) => options.signal?.addEventListener("abort", () => resolve()));
      return { ...json(held.body), stream: true };
    });
    const controller = new AbortController();
    const pending = fetch(`${url}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...message, stream: true }),
      signal: controller.signal,
    }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await pending;
    await expect.poll(() => held.cancelled()).toBeDefined();
  });

  it("refuses a body over the limit with 413, declared or chunked", async () => {
    const url = await serveApp(async () => json({}));
    const big = JSON.stringify({ ...message, messages: [{ role: "user", content: "x".repeat(4096) }] });
    const declared = await fetch(`${url}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { type: "request_too_large" } });

    const chunked = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${url}/v1/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode, body }));
      });
      req.on("error", reject);
      req.write(big.slice(0, 2000));
      req.end(big.slice(2000));
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toMatchObject({ error: { type: "request_too_large" } });
  });

  it("checks the APIKEY from the Node request's headers", async () => {
    let forwarded: Record<string, string> | undefined;
    const url = await serveApp(
      async (_request, options) => {
        forwarded = options.clientHeaders;
        return json({});
      },
      { APIKEY: "right" },
    );
    const post = (headers: Record<string, string>) =>
      fetch(`${url}/v1/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", "anthropic-beta": "x", ...headers },
        body: JSON.stringify(message),
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ "x-api-key": "wrong" })).status).toBe(401);
    expect((await post({ authorization: "Bearer right" })).status).toBe(200);
    expect((await post({ "x-api-key": "right" })).status).toBe(200);
    expect(forwarded?.["anthropic-beta"]).toBe("x");
    expect(forwarded?.["x-api-key"]).toBeUndefined();
  });

  it("answers HEAD / and GET / and /api/hello (Claude Code's probes)", async () => {
    const url = await serveApp(async () => json({}));
    expect((await fetch(`${url}/`, { method: "HEAD" })).status).toBe(200);
    expect((await fetch(`${url}/`)).status).toBe(200);
    expect((await fetch(`${url}/api/hello`, { method: "HEAD" })).status).toBe(200);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const url = await serveApp(async () => json({}));
    const response = await fetch(`${url}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { message: "request body is not valid JSON" } });
  });
});
