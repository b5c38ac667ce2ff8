import { type ChunkReader, readerToStream } from "./chunk-reader.js";
import type { RouterResponse } from "./types.js";

/**
 * A streamed answer: `reader` for a caller that writes the bytes itself (the proxy), `body` as a web
 * stream over the same reader for everyone else, built only when first asked for.
 */
export function streamResponse(
  headers: Record<string, string>,
  reader: ChunkReader,
  tier: string,
  attempts: number,
): RouterResponse {
  let body: ReadableStream<Uint8Array> | undefined;
  return {
    status: 200,
    headers,
    stream: true,
    tier,
    attempts,
    reader,
    get body() {
      body ??= readerToStream(reader);
      return body;
    },
  };
}
