import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ChunkReader } from "@ccr/router";
import { afterEach, describe, expect, it } from "vitest";
import { writeEventStream } from "./write-event-stream.js";

const encoder = new TextEncoder();
const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serveStream(reader: () => ChunkReader): Promise<string> {
  const server = http.createServer((_req, res) => {
    void writeEventStream(res, 200, { "content-type": "text/event-stream" }, reader());
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe("writeEventStream", () => {
  it("ends the response with the chunk a reader says is its last, without reading again", async () => {
    let reads = 0;
    const url = await serveStream(() => ({
      get finished() {
        return reads === 2;
      },
      read: () => {
        reads++;
        if (reads > 2) return new Promise(() => {});
        return Promise.resolve({ done: false, value: encoder.encode(`event: e${reads}\ndata: {}\n\n`) });
      },
      cancel: async () => {},
    }));
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    expect(await response.text()).toBe("event: e1\ndata: {}\n\nevent: e2\ndata: {}\n\n");
    expect(reads).toBe(2);
  });

  it("reads until done when the reader cannot tell the last chunk", async () => {
    const chunks = ["a", "b", "c"];
    const url = await serveStream(() => ({
      read: async () => {
        const next = chunks.shift();
        return next ? { done: false, value: encoder.encode(next) } : { done: true, value: undefined };
      },
      cancel: async () => {},
    }));
    expect(await (await fetch(url)).text()).toBe("abc");
  });
});
