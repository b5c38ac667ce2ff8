import type { ServerResponse } from "node:http";

/**
 * Writes a JSON answer straight to the Node response, head and body in one write: Hono would build a
 * Response and its Headers only for @hono/node-server to take them apart again.
 */
export function writeJson(
  outgoing: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
): void {
  // The client may have left while the router was still answering.
  if (outgoing.destroyed) return;
  const json = JSON.stringify(body);
  headers["content-type"] = "application/json";
  headers["content-length"] = String(Buffer.byteLength(json));
  outgoing.writeHead(status, headers);
  outgoing.end(json);
}
