import type { RunningProxy } from "@ccr/testkit";
import { WebSocket } from "undici";

/** A proxy's heap seen through its inspector (started with `--inspect=127.0.0.1:0`). */
export interface HeapInspector {
  /** The bytes its heap holds after a full collection: what it keeps, without the garbage it has not freed. */
  usedAfterCollection(): Promise<number>;
  close(): void;
}

/**
 * Connects to the inspector of a proxy started with `nodeArgs: ["--inspect=127.0.0.1:0"]`, found by the
 * address Node prints on stderr. A leak shows there as bytes still held after a full collection, which the
 * resident size alone hides among the garbage V8 has not collected yet.
 */
export async function inspectHeap(proxy: RunningProxy, timeoutMs = 5_000): Promise<HeapInspector> {
  const until = performance.now() + timeoutMs;
  const found = () => /Debugger listening on (ws:\/\/\S+)/.exec(proxy.stderr())?.[1];
  while (found() === undefined) {
    if (performance.now() > until) throw new Error(`no inspector address on stderr: ${proxy.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const address = found() as string;
  const socket = new WebSocket(address);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", () => reject(new Error(`cannot reach the inspector at ${address}`)), {
      once: true,
    });
  });
  let lastId = 0;
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    const call = message.id === undefined ? undefined : pending.get(message.id);
    if (!call) return;
    pending.delete(message.id as number);
    if (message.error) call.reject(new Error(`inspector: ${message.error.message}`));
    else call.resolve(message.result);
  });
  const call = (method: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++lastId;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method }));
    });
  return {
    async usedAfterCollection() {
      await call("HeapProfiler.collectGarbage");
      return ((await call("Runtime.getHeapUsage")) as { usedSize: number }).usedSize;
    },
    close: () => socket.close(),
  };
}
