import type { IncomingMessage, ServerResponse } from "node:http";
import type { Context } from "hono";

export interface NodeBindings {
  readonly incoming: IncomingMessage;
  readonly outgoing: ServerResponse;
}

/**
 * The Node request and response behind a context when served by @hono/node-server (absent under
 * `app.request(...)`). The hot route uses them directly: building a WHATWG Request, its body stream and
 * its signal, then a Response around a stream, costs more per request than the rest of the proxy.
 */
export function nodeBindings(c: Context): NodeBindings | undefined {
  const env = c.env as Partial<NodeBindings> | undefined;
  return env?.incoming && env.outgoing ? { incoming: env.incoming, outgoing: env.outgoing } : undefined;
}

/** One request header, from the Node request when there is one (Hono would build a `Headers` for it). */
export function requestHeader(c: Context, name: string): string | undefined {
  const node = nodeBindings(c);
  if (!node) return c.req.header(name);
  const value = node.incoming.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Every request header by lower-case name, as {@link requestHeader} reads them, but those in `except`. */
export function requestHeaders(c: Context, except?: ReadonlySet<string>): Record<string, string> {
  const node = nodeBindings(c);
  if (!node) {
    const all = c.req.header();
    if (except) for (const name of except) delete all[name];
    return all;
  }
  const all: Record<string, string> = {};
  const headers = node.incoming.headers;
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !except?.has(name))
      all[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return all;
}
