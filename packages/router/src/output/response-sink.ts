/**
 * Where the router writes the client's answer. The proxy writes straight to the Node response; library users
 * get a `Response`-like object with a web stream (see {@link handleAsResponse}). The client leaving is told to
 * the router by the request's signal, not through the sink.
 */
export interface ResponseSink {
  /** A whole answer, written once. */
  json(status: number, headers: Record<string, string>, body: unknown): void;
  /** The head of a streamed answer; nothing leaves before the first `write` or `end`. */
  start(status: number, headers: Record<string, string>): void;
  /** More of the stream. False when the client is not keeping up: stop, and go on once `onDrain` calls back. */
  write(text: string): boolean;
  /** The last of the stream, and its end. */
  end(text: string): void;
  /** Calls back once, when the client has caught up after `write` returned false. */
  onDrain(resume: () => void): void;
}
