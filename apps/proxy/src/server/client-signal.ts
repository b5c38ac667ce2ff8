import type { Context } from "hono";
import { nodeBindings } from "./node-bindings.js";

const signals = new WeakMap<Context, AbortSignal>();

/**
 * Aborts when the client goes away before its response is complete, so the router drops the upstream
 * request at once. On Node it listens to the response itself rather than asking @hono/node-server for
 * the WHATWG request's signal, which would build that whole request.
 */
export function clientSignal(c: Context): AbortSignal {
  const known = signals.get(c);
  if (known) return known;
  const node = nodeBindings(c);
  let signal: AbortSignal;
  if (node) {
    const controller = new AbortController();
    const { incoming, outgoing } = node;
    const gone = () => controller.abort(new Error("the client closed the connection"));
    if (outgoing.destroyed || (incoming.destroyed && !incoming.complete)) gone();
    else
      outgoing.once("close", () => {
        if (!outgoing.writableFinished) gone();
      });
    signal = controller.signal;
  } else {
    signal = c.req.raw.signal;
  }
  signals.set(c, signal);
  return signal;
}
