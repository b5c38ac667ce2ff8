import { Readable } from "node:stream";
import type { ChunkedBodyResponse, ChunkReader } from "@ccr/router";
import type { Dispatcher } from "undici";
import { NodeBodyReader } from "./node-body-reader.js";

/**
 * A standard `Response` over an undici `request` answer that builds the costly parts only when asked:
 * `headers` on first read, and the web `body` stream only for a caller that wants one. `text()`, `json()`
 * and `chunks()` read the Node stream directly, so neither a JSON answer nor a stream the router translates
 * goes through web streams (on Node 20, building a `Response` and its streams costs more than the rest of
 * the proxy's own work on a small request).
 */
export class UpstreamResponse implements ChunkedBodyResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly redirected = false;
  readonly statusText = "";
  readonly type: ResponseType = "basic";
  readonly url: string;
  readonly #answer: Dispatcher.ResponseData;
  #headers?: Headers;
  #body?: ReadableStream<Uint8Array<ArrayBuffer>> | null;

  constructor(url: string, answer: Dispatcher.ResponseData, hasBody: boolean) {
    this.url = url;
    this.status = answer.statusCode;
    this.ok = answer.statusCode >= 200 && answer.statusCode < 300;
    this.#answer = answer;
    if (!hasBody) this.#body = null;
  }

  get headers(): Headers {
    if (!this.#headers) {
      const headers = new Headers();
      const raw = this.#answer.headers;
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
      this.#body = Readable.toWeb(this.#answer.body) as ReadableStream<Uint8Array<ArrayBuffer>>;
    return this.#body;
  }

  get bodyUsed(): boolean {
    return this.#body ? this.#body.locked : this.#answer.body.readableEnded;
  }

  /** The body as it arrives; cancelling drops the rest, aborting the upstream request if it is still sending. */
  chunks(): ChunkReader {
    return new NodeBodyReader(this.#answer.body);
  }

  text(): Promise<string> {
    return this.#body === undefined ? this.#answer.body.text() : this.#standard().text();
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#body === undefined ? this.#answer.body.arrayBuffer() : this.#standard().arrayBuffer();
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  blob(): Promise<Blob> {
    return this.#standard().blob();
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
