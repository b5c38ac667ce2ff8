import { type Dispatcher, request } from "undici";
import { UpstreamResponse } from "./upstream-response.js";

const NO_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * A `fetch` for upstream calls built on undici's `request`, which skips most of the WHATWG fetch
 * machinery (measured: about 0.15 ms less per call than undici's `fetch` on the same pooled agent).
 * It covers what the router uses: method, headers, a string or byte body, an abort signal, and a
 * standard `Response` back with a streaming body. Redirects are not followed: provider APIs answer
 * directly, and a redirect reaching the router reads as the failure it is.
 */
export function createRequestFetch(dispatcher: Dispatcher): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? "GET").toUpperCase();
    const answer = await request(url, {
      method: method as Dispatcher.HttpMethod,
      headers: init.headers as Dispatcher.RequestOptions["headers"],
      body: init.body as Dispatcher.RequestOptions["body"],
      signal: init.signal ?? undefined,
      dispatcher,
    });
    const hasBody = method !== "HEAD" && !NO_BODY_STATUSES.has(answer.statusCode);
    if (!hasBody) await answer.body.dump();
    return new UpstreamResponse(url, answer, hasBody);
  }) as typeof fetch;
}
