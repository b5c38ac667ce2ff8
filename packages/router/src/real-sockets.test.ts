import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { normalizeConfig } from "@ccr/config";
import type { AnthropicMessagesRequest } from "@ccr/transform";
import { afterEach, describe, expect, it } from "vitest";
import { openAITextChunks } from "./__fixtures__/scripted-fetch.js";
import { createRouter } from "./create-router.js";

// The cascade over real loopback sockets and Node's own fetch: what a broken or silent upstream looks like
// on the wire, and that the router lets go of the connection.

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

async function upstream(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

function routerFor(baseUrl: string, extra: Record<string, unknown> = {}) {
  const { config } = normalizeConfig(
    {
      Providers: [{ name: "p", api_base_url: baseUrl, api_key: "sk-test-key", models: ["m"] }],
      Router: { default: "p,m", tierRetries: { "*": { max_retries: 0 } } },
      ...extra,
    },
    { env: {} },
  );
  return createRouter({ config, fetch });
}

const ask: AnthropicMessagesRequest = {
  model: "claude-sonnet-4-5",
  max_tokens: 50,
  stream: true,
  messages: [{ role: "user", content: "hello" }],
};

const sseOf = (chunks: unknown[]) => chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("");

describe("real sockets", () => {
  it("a socket reset mid-stream ends the client's stream with an error frame, never as complete", async () => {
    const [first, ...rest] = openAITextChunks("hello world");
    const url = await upstream((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(sseOf([first, rest[0]]));
      setTimeout(() => res.socket?.destroy(), 30);
    });
    const response = await routerFor(url).handle(ask);
    const text = await new Response(response.body as ReadableStream).text();
    expect(text).toContain("event: error");
    expect(text).not.toContain("event: message_stop");
  });

  it("a client that leaves closes the upstream connection at once", async () => {
    let closed!: () => void;
    const upstreamClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const url = await upstream((req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(sseOf(openAITextChunks("hi").slice(0, 2)));
      req.socket.on("close", closed);
    });
    const client = new AbortController();
    const response = await routerFor(url).handle(ask, { signal: client.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    const started = Date.now();
    client.abort();
    await upstreamClosed;
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("API_TIMEOUT_MS ends a request to an upstream that never answers, and closes its connection", async () => {
    let closed = false;
    const url = await upstream((req) => {
      req.socket.on("close", () => {
        closed = true;
      });
    });
    const started = Date.now();
    const response = await routerFor(url, { API_TIMEOUT_MS: 300 }).handle({ ...ask, stream: false });
    expect(response.status).toBe(529);
    expect(Date.now() - started).toBeLessThan(3000);
    await expect.poll(() => closed, { timeout: 1000 }).toBe(true);
  });
});
