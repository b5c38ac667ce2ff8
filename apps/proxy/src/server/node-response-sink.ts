import type { ServerResponse } from "node:http";
import type { ResponseSink } from "@ccr/router";

/**
 * The router's answer written straight to the Node response: a JSON answer's head and body in one write, a
 * stream's head with its first text, each later text as it comes, and `drain` for a client that reads
 * slowly. A client that left (a destroyed response) is written nothing; the request's signal has told the
 * router already.
 */
export function nodeResponseSink(outgoing: ServerResponse): ResponseSink {
  return {
    json(status, headers, body) {
      if (outgoing.destroyed) return;
      const json = JSON.stringify(body);
      headers["content-length"] = String(Buffer.byteLength(json));
      outgoing.writeHead(status, headers);
      outgoing.end(json);
    },
    start(status, headers) {
      // Node sends the head with the first write, so head and first text leave together.
      if (!outgoing.destroyed) outgoing.writeHead(status, headers);
    },
    write(text) {
      return outgoing.destroyed || outgoing.write(text);
    },
    end(text) {
      if (outgoing.destroyed) return;
      if (text === "") outgoing.end();
      else outgoing.end(text);
    },
    onDrain(resume) {
      outgoing.once("drain", resume);
    },
  };
}
