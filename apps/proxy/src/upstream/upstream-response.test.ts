import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatchFetch } from "./dispatch-fetch.js";
import { UpstreamResponse } from "./upstream-response.js";

let server: Server;
let base: string;
const dispatcher = new Agent();

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "x-multi": ["a", "b"] });
    res.end('{"answer":"é"}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await dispatcher.close();
});

const fetchUpstream = createDispatchFetch(dispatcher);
const answer = async () => (await fetchUpstream(base)) as unknown as UpstreamResponse;

describe("UpstreamResponse", () => {
  it("reads JSON without building a web stream, and its headers on demand", async () => {
    const response = await answer();
    expect(response.ok).toBe(true);
    expect(response.url).toBe(base);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ answer: "é" });
    expect(response.bodyUsed).toBe(true);
    expect(response.headers.get("x-multi")).toBe("a, b");
  });

  it("hands out its body as a web stream, and reads through it once asked for it", async () => {
    const streamed = await answer();
    expect(streamed.body).toBeInstanceOf(ReadableStream);
    expect(await streamed.text()).toBe('{"answer":"é"}');
    expect(await (await answer()).bytes()).toEqual(new TextEncoder().encode('{"answer":"é"}'));
    expect(await (await (await answer()).blob()).text()).toBe('{"answer":"é"}');
    expect(await (await answer()).clone().json()).toEqual({ answer: "é" });
  });

  it("has a null body when the status carries none", async () => {
    const response = new UpstreamResponse(base, 204, "No Content", {}, null);
    expect(response.body).toBeNull();
    expect(response.ok).toBe(true);
  });
});
