import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Behaviour, RecordedRequest, Script } from "./behaviour.js";
import { encodeSseFrame } from "./sse-encode.js";

export interface FakeProviderOptions {
  script?: Script;
  /** Answer for requests once a queue script is used up. Default: a 500 saying the script ran out. */
  otherwise?: Behaviour;
  /**
   * How long an idle keep-alive connection stays open (Node's default: 5 s), and one that never carried a
   * request (by default it stays until the client closes it).
   */
  keepAliveTimeoutMs?: number;
}

export interface FakeProvider {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Connections open right now, idle keep-alive ones included. */
  readonly openConnections: number;
  /** Replace the script (a queue restarts from its first entry). */
  setScript(script: Script): void;
  /** Append behaviours to the queue (turns a function script into a queue). */
  enqueue(...behaviours: Behaviour[]): void;
  /** Resolves once at least `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  /** Cuts every open connection (hanging ones too) and stops listening. */
  close(): Promise<void>;
}

const exhausted: Behaviour = {
  kind: "json",
  status: 500,
  body: {
    error: { message: "fake provider: no scripted behaviour left for this request", type: "server_error" },
  },
};

/** A scriptable HTTP server on 127.0.0.1 with an ephemeral port: the base of both fake providers. */
export async function startFakeProvider(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  let script: Script = options.script ?? [];
  let queue: Behaviour[] = Array.isArray(script) ? [...script] : [];
  const otherwise = options.otherwise ?? exhausted;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  // A reset closes the response unfinished on purpose: that is the fake's doing, not the client's.
  const answeredByReset = new WeakSet<ServerResponse>();

  const next = async (request: RecordedRequest): Promise<Behaviour> => {
    if (typeof script === "function") return script(request);
    return queue.shift() ?? otherwise;
  };

  const server = createServer(async (req, res) => {
    const text = await readBody(req);
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Kept as text: a test may be checking a malformed body.
    }
    let closedEarly = false;
    let resolveClosed!: (value: { clientClosedEarly: boolean }) => void;
    const closed = new Promise<{ clientClosedEarly: boolean }>((resolve) => {
      resolveClosed = resolve;
    });
    const record: RecordedRequest = {
      index: requests.length,
      method: req.method ?? "GET",
      url: req.url ?? "/",
      headers: req.headers,
      body,
      receivedAt: Date.now(),
      get clientClosedEarly() {
        return closedEarly;
      },
      closed,
    };
    res.on("close", () => {
      closedEarly = !res.writableFinished && !answeredByReset.has(res);
      resolveClosed({ clientClosedEarly: closedEarly });
    });
    requests.push(record);
    for (const wake of waiters) wake();
    try {
      await answer(await next(record), req, res);
    } catch {
      res.destroy();
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    // Servers also drop a connection that stays unused: a client's pool may open one it never sends on.
    const unused =
      options.keepAliveTimeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            if (socket.bytesRead === 0) socket.destroy();
          }, options.keepAliveTimeoutMs);
    socket.on("close", () => {
      sockets.delete(socket);
      clearTimeout(unused);
    });
  });

  async function answer(behaviour: Behaviour, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (behaviour.delayMs) await sleep(behaviour.delayMs);
    if (res.destroyed) return;
    switch (behaviour.kind) {
      case "json": {
        const payload = JSON.stringify(behaviour.body);
        res.writeHead(behaviour.status ?? 200, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          ...behaviour.headers,
        });
        res.end(payload);
        return;
      }
      case "reset":
        answeredByReset.add(res);
        req.socket.resetAndDestroy();
        return;
      case "hang":
        return;
      case "sse":
      case "bytes": {
        res.writeHead(200, {
          "content-type": (behaviour.kind === "bytes" && behaviour.contentType) || "text/event-stream",
          "cache-control": "no-cache",
          ...behaviour.headers,
        });
        res.flushHeaders();
        const chunks = behaviour.kind === "sse" ? behaviour.frames.map(encodeSseFrame) : behaviour.chunks;
        for (const [index, chunk] of chunks.entries()) {
          if (index > 0 && behaviour.intervalMs) await sleep(behaviour.intervalMs);
          if (res.destroyed) return;
          res.write(chunk);
        }
        if (behaviour.after === "break") {
          // Let the last chunk leave before the reset, so the client sees a stream cut mid-way.
          await sleep(20);
          answeredByReset.add(res);
          req.socket.resetAndDestroy();
        } else if (behaviour.after !== "hang") {
          res.end();
        }
        return;
      }
    }
  }

  if (options.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = options.keepAliveTimeoutMs;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get openConnections() {
      return sockets.size;
    },
    setScript(newScript) {
      script = newScript;
      queue = Array.isArray(newScript) ? [...newScript] : [];
    },
    enqueue(...behaviours) {
      if (typeof script === "function") {
        script = [];
        queue = [];
      }
      queue.push(...behaviours);
    },
    waitForRequests(count, timeoutMs = 5000) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`fake provider: expected ${count} requests, got ${requests.length} in ${timeoutMs} ms`),
          );
        }, timeoutMs);
        const check = () => {
          if (requests.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
