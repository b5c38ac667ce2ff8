import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { nodeBindings, requestHeader } from "./node-bindings.js";

/** The request body as text, refused with 413 as soon as it is known to be over `maxBytes`. */
export async function readBodyText(c: Context, maxBytes: number): Promise<string> {
  const declared = Number(requestHeader(c, "content-length"));
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const node = nodeBindings(c);
  if (!node) {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
    return new TextDecoder().decode(bytes);
  }
  return readIncoming(node.incoming, maxBytes);
}

function readIncoming(incoming: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error?: Error) => {
      incoming.off("data", onData);
      incoming.off("end", onEnd);
      incoming.off("error", done);
      incoming.off("close", onClose);
      if (error) reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      chunks.push(chunk);
      // A chunked body has no length up front: count as it arrives and answer 413 past the limit (the
      // server drains the rest).
      if (size > maxBytes) done(tooLarge(maxBytes));
    };
    const onEnd = () => {
      done();
      resolve(
        chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks, size).toString("utf8"),
      );
    };
    const onClose = () => done(new Error("the client closed the connection before sending the whole body"));
    incoming.on("data", onData);
    incoming.on("end", onEnd);
    incoming.on("error", done);
    incoming.on("close", onClose);
  });
}

function tooLarge(maxBytes: number): HTTPException {
  return new HTTPException(413, {
    message: `request body is over the proxy's limit of ${Math.round(maxBytes / 1024 / 1024)} MiB`,
  });
}
