import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { healthySnapshot } from "../__fixtures__/stats-snapshots.js";
import { connectStatsStream } from "./stats-stream-client.js";
import type { StreamState } from "./stream-state.js";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

function listen(
  handler: (res: ServerResponse, headers: Record<string, unknown>) => void,
  port = 0,
): Promise<number> {
  const server = createServer((req, res) => handler(res, req.headers));
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

function sse(res: ServerResponse, snapshots: number) {
  res.writeHead(200, { "content-type": "text/event-stream" });
  for (let i = 0; i < snapshots; i++) {
    res.write(
      `event: stats\nid: ${i}\ndata: ${JSON.stringify({ ...healthySnapshot, uptimeSeconds: i })}\n\n`,
    );
  }
}

/** Waits for a state; generous, since CI runs every package's tests at once on two cores. */
function until(
  states: StreamState[],
  predicate: (s: StreamState) => boolean,
  timeoutMs = 20_000,
): Promise<StreamState> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = states.find(predicate);
      if (found) return resolve(found);
      if (Date.now() > deadline)
        return reject(new Error(`no such state in ${JSON.stringify(states.map((s) => s.connection))}`));
      setTimeout(check, 10);
    };
    check();
  });
}

describe("connectStatsStream", { timeout: 60_000 }, () => {
  it("reports each snapshot and sends the API key", async () => {
    let seenKey: unknown;
    const port = await listen((res, headers) => {
      seenKey = headers["x-api-key"];
      sse(res, 2);
    });
    const states: StreamState[] = [];
    const stream = connectStatsStream({
      url: `http://127.0.0.1:${port}`,
      apiKey: "k",
      onState: (s) => states.push(s),
    });
    await until(states, (s) => s.snapshot?.uptimeSeconds === 1);
    stream.close();
    expect(states[0]?.connection).toEqual({ status: "connecting", attempt: 0 });
    expect(
      states.filter((s) => s.connection.status === "live").map((s) => s.snapshot?.uptimeSeconds),
    ).toEqual([0, 1]);
    expect(seenKey).toBe("k");
  });

  it("says the proxy is down, keeps the last snapshot, and reconnects by itself when it is back", async () => {
    const port = await listen((res) => {
      sse(res, 1);
      res.end();
    });
    const states: StreamState[] = [];
    const stream = connectStatsStream({
      url: `http://127.0.0.1:${port}`,
      onState: (s) => states.push(s),
      initialBackoffMs: 20,
      maxBackoffMs: 40,
    });
    await until(states, (s) => s.connection.status === "live");
    const down = await until(states, (s) => s.connection.status === "down");
    expect(down.connection).toMatchObject({ error: "the proxy closed the stream", attempt: 0 });
    expect(down.snapshot?.uptimeSeconds).toBe(0);

    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    const refused = await until(
      states,
      (s) => s.connection.status === "down" && s.connection.error.includes("refused"),
    );
    expect(refused.connection).toMatchObject({
      status: "down",
      error: "connection refused (is ccr running?)",
    });

    await listen((res) => sse(res, 1), port);
    const refusedAt = states.indexOf(refused);
    await until(states, (s) => states.indexOf(s) > refusedAt && s.connection.status === "live");
    stream.close();
  });

  it("backs off exponentially up to the cap while the proxy stays down", async () => {
    const states: StreamState[] = [];
    const clock = 0;
    const stream = connectStatsStream({
      url: "http://127.0.0.1:9",
      fetch: async () => {
        throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
      },
      now: () => clock,
      onState: (s) => states.push(s),
      initialBackoffMs: 5,
      maxBackoffMs: 20,
    });
    await until(states, (s) => s.connection.status === "down" && s.connection.attempt === 4);
    stream.close();
    const delays = states.flatMap((s) =>
      s.connection.status === "down" ? [s.connection.retryAt - clock] : [],
    );
    expect(delays.slice(0, 4)).toEqual([5, 10, 20, 20]);
  });

  it("tells the user when the proxy wants an API key", async () => {
    const port = await listen((res) => {
      res.writeHead(401).end();
    });
    const states: StreamState[] = [];
    const stream = connectStatsStream({
      url: `http://127.0.0.1:${port}`,
      onState: (s) => states.push(s),
      initialBackoffMs: 1000,
    });
    const down = await until(states, (s) => s.connection.status === "down");
    stream.close();
    expect(down.connection).toMatchObject({ error: "HTTP 401: the proxy wants its APIKEY" });
  });

  it("treats a silent connection as dead", async () => {
    const port = await listen((res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(": hello\n\n");
    });
    const states: StreamState[] = [];
    const stream = connectStatsStream({
      url: `http://127.0.0.1:${port}`,
      onState: (s) => states.push(s),
      staleAfterMs: 100,
      initialBackoffMs: 1000,
    });
    const down = await until(states, (s) => s.connection.status === "down");
    stream.close();
    expect(down.connection).toMatchObject({ error: "no data" });
  });
});
