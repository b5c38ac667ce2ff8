import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Aborts when the client goes away before its response is complete, so the router drops the upstream request
 * at once.
 */
export function clientSignal(incoming: IncomingMessage, outgoing: ServerResponse): AbortSignal {
  const controller = new AbortController();
  const gone = () => controller.abort(new Error("the client closed the connection"));
  if (outgoing.destroyed || (incoming.destroyed && !incoming.complete)) gone();
  else
    outgoing.once("close", () => {
      if (!outgoing.writableFinished) gone();
    });
  return controller.signal;
}
