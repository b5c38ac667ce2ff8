import type { IncomingHttpHeaders } from "node:http";
import { type ChunkedBodyResponse, type ChunkReader, readerToStream } from "@ccr/router";
import type { UpstreamBody } from "./upstream-body.js";

const EMPTY: ChunkReader = {
  read: async () => ({ done: true, value: undefined }),
  cancel: async () => {},
};

/**
 * A standard `Response` over an upstream answer from undici's dispatcher that builds the costly parts only
 * when asked: `headers` on first read, and the web `body` stream only for a caller that wants one. `text()`,
 * `json()` and `chunks()` read the queued body directly, so neither a JSON answer nor a stream the router
 * translates goes through web streams (on Node 20, building a `Response` and its streams costs more than the
 * rest of the proxy's own work on a small request).
 */
export class UpstreamResponse implements ChunkedBodyResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly redirected = false;
  readonly type: ResponseType = "basic";
  readonly url: string;
  readonly #rawHeaders: IncomingHttpHeaders;
  readonly #source: UpstreamBody | null;
  #headers?: Headers;
  #body?: ReadableStream<Uint8Array<ArrayBuffer>> | null;

  /** `source` is null for an answer that carries no body (HEAD, 204, 205, 304). */
  constructor(
    url: string,
    status: number,
    statusText: string,
    headers: IncomingHttpHeaders,
    source: UpstreamBody | null,
  ) {
    this.url = url;
    this.status = status;
    this.statusText = statusText;
    this.ok = status >= 200 && status < 300;
    this.#rawHeaders = headers;
    this.#source = source;
    if (!source) this.#body = null;
  }

  get headers(): Headers {
    if (!this.#headers) {
      const headers = new Headers();
      const raw = this.#rawHeaders;
      for (const name in raw) {
        const value = raw[name];
        if (Array.isArray(value)) for (const item of value) headers.append(name, item);
        else if (value !== undefined) headers.append(name, value);
      }
      this.#headers = headers;
    }
    return this.#headers;
  }

  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#body === undefined)
      this.#body = readerToStream(this.chunks()) as ReadableStream<Uint8Array<ArrayBuffer>>;
    return this.#body;
  }

  get bodyUsed(): boolean {
    return this.#source?.used ?? false;
  }

  /** The body as it arrives; cancelling drops the rest, aborting the upstream request if it is still sending. */
  chunks(): ChunkReader {
    return this.#source ?? EMPTY;
  }

  async text(): Promise<string> {
    return this.#source ? this.#source.text() : "";
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).buffer;
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#source ? new Uint8Array(await this.#source.bytes()) : new Uint8Array(0);
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.bytes()], { type: this.#rawHeaders["content-type"] ?? "" });
  }

  formData(): Promise<FormData> {
    return this.#standard().formData();
  }

  clone(): Response {
    return this.#standard().clone();
  }

  /** The rarely used rest of the API, on a standard `Response` over the same body. */
  #standard(): Response {
    return new Response(this.body, { status: this.status, headers: this.headers });
  }
}
