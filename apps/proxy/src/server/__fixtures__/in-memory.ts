import type { RequestListener } from "node:http";
import { inject } from "light-my-request";

/**
 * The proxy's request listener driven in memory, as a `fetch`-like `request(path, init)`: the same listener a
 * socket serves, given fake Node requests and responses, with the answer as a standard `Response`.
 */
export function inMemory(listener: RequestListener) {
  return {
    async request(path: string, init: RequestInit = {}): Promise<Response> {
      const answer = await inject(listener, {
        method: (init.method ?? "GET") as "GET",
        url: path,
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        payload: init.body === undefined || init.body === null ? undefined : String(init.body),
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(answer.headers)) {
        if (Array.isArray(value)) for (const each of value) headers.append(name, String(each));
        else if (value !== undefined) headers.set(name, String(value));
      }
      const empty = init.method === "HEAD" || answer.statusCode === 204;
      return new Response(empty ? null : new Uint8Array(answer.rawPayload), { status: answer.statusCode, headers });
    },
  };
}
