import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { trackActivity } from "./track-activity.js";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe("trackActivity", () => {
  it("counts requests, and those in flight until their response ends", async () => {
    let finish!: () => void;
    const server = http.createServer((request, response) => {
      if (request.url === "/slow") finish = () => response.end("done");
      else response.end("ok");
    });
    servers.push(server);
    const activity = trackActivity(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    await (await fetch(`${base}/fast`)).text();
    const slow = fetch(`${base}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(activity()).toEqual({ served: 2, inFlight: 1 });
    finish();
    await (await slow).text();
    expect(activity()).toEqual({ served: 2, inFlight: 0 });
  });
});
