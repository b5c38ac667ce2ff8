import type { BodyFlow, BodyReceiver, UpstreamReply, UpstreamTransport } from "./upstream-transport.js";

/** Any standard `fetch` (the global one by default, a test's scripted one) as an {@link UpstreamTransport}. */
export function fetchTransport(fetchImpl: typeof fetch = globalThis.fetch): UpstreamTransport {
  return async (request) => {
    // fetch takes a standard signal; the attempt's is lighter.
    const controller = new AbortController();
    const abort = () => controller.abort(request.signal.reason);
    if (request.signal.aborted) abort();
    else request.signal.addEventListener("abort", abort, { once: true });
    const response = await fetchImpl(request.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
    });
    return new FetchReply(response);
  };
}

/** A `Response` as an {@link UpstreamReply}: its body's reader pumped into the receiver while not paused. */
export class FetchReply implements UpstreamReply {
  readonly #response: Response;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #discarded = false;

  constructor(response: Response) {
    this.#response = response;
  }

  get status(): number {
    return this.#response.status;
  }

  get statusText(): string {
    return this.#response.statusText;
  }

  header(name: string): string | undefined {
    return this.#response.headers.get(name) ?? undefined;
  }

  text(): Promise<string> {
    return this.#response.text();
  }

  stream(receiver: BodyReceiver): BodyFlow {
    const body = this.#response.body;
    if (!body) {
      queueMicrotask(() => receiver.end());
      return { pause() {}, resume() {} };
    }
    const reader = body.getReader();
    this.#reader = reader;
    let paused = false;
    let pumping = false;
    const pump = async () => {
      if (pumping) return;
      pumping = true;
      try {
        while (!paused && !this.#discarded) {
          const { done, value } = await reader.read();
          if (this.#discarded) return;
          if (done) return receiver.end();
          receiver.data(value);
        }
      } catch (error) {
        if (!this.#discarded) receiver.error(error);
      } finally {
        pumping = false;
      }
    };
    void pump();
    return {
      pause() {
        paused = true;
      },
      resume() {
        if (!paused) return;
        paused = false;
        void pump();
      },
    };
  }

  discard(): void {
    if (this.#discarded) return;
    this.#discarded = true;
    const done = this.#reader ? this.#reader.cancel() : this.#response.body?.cancel();
    done?.catch(() => {});
  }
}
