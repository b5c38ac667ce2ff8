import type { IncomingMessage, ServerResponse } from "node:http";
import { AbortNotice, type AbortSignalLike } from "@ccr/router";

/**
 * Aborts when the client goes away before its response is complete, so the router drops the upstream request
 * at once. A plain notice rather than an AbortController: one per request, and on Node 20 a controller and a
 * listener on its signal cost more than the router's own work on a short request.
 */
export function clientSignal(incoming: IncomingMessage, outgoing: ServerResponse): AbortSignalLike {
  const notice = new AbortNotice();
  const gone = () => notice.abort(new Error("the client closed the connection"));
  if (outgoing.destroyed || (incoming.destroyed && !incoming.complete)) gone();
  else
    outgoing.once("close", () => {
      if (!outgoing.writableFinished) gone();
    });
  return notice;
}
