import type { ServerResponse } from "node:http";
import type { ChunkReader } from "@ccr/router";

/**
 * Writes an SSE stream straight to the Node response, its head with the first chunk in one write
 * (@hono/node-server flushes the head of a streamed response on its own first: one more socket write
 * per response). Waits for `drain` when the client reads slowly, and cancels the stream when the client
 * goes away, which aborts the upstream request.
 */
export async function writeEventStream(
  outgoing: ServerResponse,
  status: number,
  headers: Record<string, string>,
  reader: ChunkReader,
): Promise<void> {
  let gone = false;
  const onClose = () => {
    gone = true;
    reader.cancel(new Error("the client closed the connection")).catch(() => {});
  };
  // The client may have left while the router was still choosing a tier.
  if (outgoing.destroyed) return onClose();
  outgoing.writeHead(status, headers);
  outgoing.once("close", onClose);
  /** The stream's last chunk, when the reader knows it: it leaves with the end of the response, in one write. */
  let last: Uint8Array | undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || gone) break;
      if (reader.finished) {
        last = value;
        break;
      }
      if (!outgoing.write(value) && !outgoing.destroyed) await drained(outgoing);
    }
  } catch {
    // Only a cancelled stream rejects: the router turns upstream failures into an error frame and an end.
  } finally {
    outgoing.off("close", onClose);
    if (!gone) outgoing.end(last);
  }
}

function drained(outgoing: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      outgoing.off("drain", done);
      outgoing.off("close", done);
      resolve();
    };
    outgoing.on("drain", done);
    outgoing.on("close", done);
  });
}
