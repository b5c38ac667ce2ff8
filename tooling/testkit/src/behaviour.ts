/** One Server-Sent Event as a fake writes it: `data` objects are JSON-encoded, strings are sent as they are. */
export interface SseFrame {
  event?: string;
  data: unknown;
}

interface Common {
  /** Wait this long before answering anything. */
  delayMs?: number;
  headers?: Record<string, string>;
}

/** What a fake provider does with one request. */
export type Behaviour =
  /** Answer with a JSON body (any status: a 200 success, a 200 carrying an error, a 4xx/5xx error). */
  | (Common & { kind: "json"; status?: number; body: unknown })
  /**
   * Stream SSE frames with `intervalMs` between them, then: `end` the response (default), `break`
   * (destroy the socket mid-stream), or `hang` (keep the connection open and silent).
   */
  | (Common & { kind: "sse"; frames: SseFrame[]; intervalMs?: number; after?: "end" | "break" | "hang" })
  /**
   * A 200 whose body is these chunks as they are (text or bytes, with `intervalMs` between them), for
   * bodies no frame list can make: a frame cut in its middle, invalid UTF-8, garbage between events. Then
   * `end`, `break` or `hang`, as for `sse`. Content type `text/event-stream` unless given.
   */
  | (Common & {
      kind: "bytes";
      chunks: (string | Uint8Array)[];
      contentType?: string;
      intervalMs?: number;
      after?: "end" | "break" | "hang";
    })
  /** Destroy the socket without answering (a connection reset). */
  | (Common & { kind: "reset" })
  /** Never answer; the connection stays open until the client gives up or the fake closes. */
  | (Common & { kind: "hang" });

/** Who called and with what, kept for assertions. */
export interface RecordedRequest {
  readonly index: number;
  readonly method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  readonly body: unknown;
  readonly receivedAt: number;
  /** True once the client closed the connection before the fake finished answering. */
  readonly clientClosedEarly: boolean;
  /** Resolves when the exchange is over (answered or the socket closed), with whether the client left early. */
  readonly closed: Promise<{ clientClosedEarly: boolean }>;
}

/** A queue of behaviours (one per request, in order) or a function deciding per request. */
export type Script = Behaviour[] | ((request: RecordedRequest) => Behaviour | Promise<Behaviour>);
