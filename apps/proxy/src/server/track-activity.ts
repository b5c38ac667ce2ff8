import type { Server, ServerResponse } from "node:http";

export interface Activity {
  /** Requests received since the server started. */
  readonly served: number;
  /** Requests whose response has not finished or closed yet (a stream counts until it ends). */
  readonly inFlight: number;
}

/** Counts the server's requests and those still in flight, for what runs when the proxy is idle. */
export function trackActivity(server: Server): () => Activity {
  let served = 0;
  let inFlight = 0;
  const ended = () => inFlight--;
  server.on("request", (_request, response: ServerResponse) => {
    served++;
    inFlight++;
    response.once("close", ended);
  });
  return () => ({ served, inFlight });
}
