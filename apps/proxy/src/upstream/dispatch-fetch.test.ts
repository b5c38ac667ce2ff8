import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatchFetch } from "./dispatch-fetch.js";

let server: Server;
let base: string;
const dispatcher = new Agent();
const requestFetch = createDispatchFetch(dispatcher);

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      if (req.url === "/echo") {
        res.writeHead(201, { "content-type": "application/json", "set-cookie": ["a=1", "b=2"] });
        res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization, body }));
      } else if (req.url === "/stream") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write("data: one\n\n");
        setTimeout(() => res.end("data: two\n\n"), 30);
      } else if (req.url === "/hang") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write("data: one\n\n");
      } else if (req.url === "/silent") {
        // Never answers: the request waits for its status line until the client gives up.
      } else if (req.url === "/large") {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        res.end(Buffer.alloc(1024 * 1024, 97));
      } else {
        res.writeHead(204);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await dispatcher.close();
});

describe("createDispatchFetch", () => {
  it("sends method, headers and body, and returns status, headers and JSON", async () => {
    const response = await requestFetch(`${base}/echo`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json" },
      body: '{"x":1}',
    });
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await response.json()).toEqual({ method: "POST", auth: "Bearer k", body: '{"x":1}' });
  });

  it("streams the body as it arrives", async () => {
    const response = await requestFetch(new URL(`${base}/stream`));
    expect(await response.text()).toBe("data: one\n\ndata: two\n\n");
  });

  it("answers a body-less status with a null body", async () => {
    const response = await requestFetch(`${base}/empty`);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it("aborts a streaming body when the signal aborts", async () => {
    const controller = new AbortController();
    const response = await requestFetch(`${base}/hang`, { signal: controller.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("data: one\n\n");
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
  });

  it("rejects at once with the signal's reason when aborted before the answer starts", async () => {
    const controller = new AbortController();
    const pending = requestFetch(`${base}/silent`, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("first event timeout")), 20);
    await expect(pending).rejects.toThrow("first event timeout");
  });

  it("rejects at once when the signal has already aborted", async () => {
    await expect(requestFetch(`${base}/echo`, { signal: AbortSignal.abort() })).rejects.toThrow("aborted");
  });

  it("reads a body far larger than it holds unread (1 MiB) whole and intact", async () => {
    const response = await requestFetch(`${base}/large`);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.byteLength).toBe(1024 * 1024);
    expect(body.every((byte) => byte === 97)).toBe(true);
  });

  it("rejects when the connection fails", async () => {
    await expect(requestFetch("http://127.0.0.1:9/", {})).rejects.toThrow();
  });
});
