import type { StatsSnapshot } from "@ccr/metrics";
import { createSseParser } from "./parse-sse.js";
import type { StreamState } from "./stream-state.js";

export interface StatsStreamOptions {
  /** The proxy's base URL, e.g. `http://127.0.0.1:3456`. */
  readonly url: string;
  readonly apiKey?: string;
  readonly onState: (state: StreamState) => void;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  /** First reconnect delay; doubles per failed attempt up to `maxBackoffMs`. Default 500 ms. */
  readonly initialBackoffMs?: number;
  /** Default 10 s. */
  readonly maxBackoffMs?: number;
  /** No event for this long means the connection is dead (the proxy pushes every second). Default 5 s. */
  readonly staleAfterMs?: number;
}

/**
 * Subscribes to `/api/stats/stream` and reports every snapshot and every change of connection,
 * reconnecting with exponential backoff for as long as it is not closed.
 */
export function connectStatsStream(options: StatsStreamOptions): { close(): void } {
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const initial = options.initialBackoffMs ?? 500;
  const max = options.maxBackoffMs ?? 10_000;
  const staleAfterMs = options.staleAfterMs ?? 5000;
  const headers: Record<string, string> = { accept: "text/event-stream" };
  if (options.apiKey !== undefined) headers["x-api-key"] = options.apiKey;

  let closed = false;
  let controller: AbortController | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let state: StreamState = { connection: { status: "connecting", attempt: 0 } };
  const emit = (next: StreamState) => {
    state = next;
    if (!closed) options.onState(state);
  };

  const connectOnce = async (): Promise<string> => {
    controller = new AbortController();
    const current = controller;
    let staleTimer: ReturnType<typeof setTimeout> | undefined;
    const armStale = () => {
      clearTimeout(staleTimer);
      staleTimer = setTimeout(() => current.abort(new Error("no data")), staleAfterMs);
    };
    try {
      armStale();
      const res = await doFetch(`${options.url}/api/stats/stream`, { headers, signal: current.signal });
      if (res.status === 401 || res.status === 403) return `HTTP ${res.status}: the proxy wants its APIKEY`;
      if (!res.ok || !res.body) return `HTTP ${res.status}`;
      const parser = createSseParser((event) => {
        if (event.event !== "stats") return;
        try {
          const snapshot = JSON.parse(event.data) as StatsSnapshot;
          emit({ connection: { status: "live" }, snapshot, receivedAt: now() });
        } catch {
          // One unreadable event is skipped; the next arrives within a second.
        }
      });
      const decoder = new TextDecoder();
      const reader = res.body.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return "the proxy closed the stream";
        armStale();
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      const reason = current.signal.reason instanceof Error ? current.signal.reason.message : undefined;
      return reason ?? describeFetchError(error);
    } finally {
      clearTimeout(staleTimer);
    }
  };

  const loop = async (attempt: number) => {
    if (closed) return;
    emit({ ...state, connection: { status: "connecting", attempt } });
    const error = await connectOnce();
    if (closed) return;
    // A connection that delivered data resets the backoff.
    const next = state.connection.status === "live" ? 0 : attempt + 1;
    const delay = Math.min(max, initial * 2 ** Math.max(0, next - 1));
    emit({ ...state, connection: { status: "down", error, retryAt: now() + delay, attempt: next } });
    retryTimer = setTimeout(() => void loop(next), delay);
  };

  void loop(0);
  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      controller?.abort();
    },
  };
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  if (cause?.code === "ECONNREFUSED") return "connection refused (is ccr running?)";
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.message : String(error);
}
