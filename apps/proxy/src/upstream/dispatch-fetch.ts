import type { Dispatcher } from "undici";
import { UpstreamCall } from "./upstream-call.js";
import type { UpstreamResponse } from "./upstream-response.js";

/**
 * A `fetch` for upstream calls built on undici's `dispatch`, which skips the WHATWG fetch machinery and
 * the Node stream `request` builds for each body (measured: about 0.15 ms less per call than undici's
 * `fetch`, and 15 µs less than `request`, on the same pooled agent). It covers what the router uses:
 * method, headers, a string or byte body, an abort signal, and a standard `Response` back with a
 * streaming body. Redirects are not followed: provider APIs answer directly, and a redirect reaching the
 * router reads as the failure it is.
 */
export function createDispatchFetch(dispatcher: Dispatcher): typeof fetch {
  return ((input: string | URL | Request, init: RequestInit = {}): Promise<UpstreamResponse> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? "GET").toUpperCase();
    const call = new UpstreamCall(url, method, init.signal ?? undefined);
    try {
      const { origin, path } = target(url);
      dispatcher.dispatch(
        {
          origin,
          path,
          method: method as Dispatcher.HttpMethod,
          headers: init.headers as Dispatcher.DispatchOptions["headers"],
          body: init.body as Dispatcher.DispatchOptions["body"],
        },
        call,
      );
    } catch (error) {
      call.fail(error);
    }
    return call.response;
  }) as typeof fetch;
}

/** Parsed endpoint URLs: a proxy calls the same few endpoints, and parsing one costs more than a lookup. */
const targets = new Map<string, { origin: string; path: string }>();
const MAX_TARGETS = 256;

function target(url: string): { origin: string; path: string } {
  let known = targets.get(url);
  if (!known) {
    const parsed = new URL(url);
    known = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
    if (targets.size >= MAX_TARGETS) targets.clear();
    targets.set(url, known);
  }
  return known;
}
