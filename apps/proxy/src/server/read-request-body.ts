import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error.js";

/**
 * The request body as parsed JSON, every client mistake a 4xx the client can act on: no JSON content type
 * (415), over `maxBytes` (413, as soon as it is known: from its content-length, or as a chunked body grows),
 * not JSON (400).
 */
export async function readJsonBody(incoming: IncomingMessage, maxBytes: number): Promise<unknown> {
  const contentType = incoming.headers["content-type"];
  if (!contentType?.toLowerCase().startsWith("application/json")) {
    throw new HttpError(415, `content-type must be application/json (got ${contentType ?? "none"})`);
  }
  if (Number(incoming.headers["content-length"]) > maxBytes) throw tooLarge(maxBytes);
  const text = await readText(incoming, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "request body is not valid JSON");
  }
}

function readText(incoming: IncomingMessage, maxBytes: number): Promise<string> {
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
      // The server drains the rest of a body refused here.
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

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    `request body is over the proxy's limit of ${Math.round(maxBytes / 1024 / 1024)} MiB`,
  );
}
