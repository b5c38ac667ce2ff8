/**
 * How the router reads a byte stream: the two methods of a web stream's reader, which a cheaper source
 * (an async iterator over a Node stream, a synchronous translation) can offer without building a web
 * stream. On Node 20 each web stream costs about as much per short response as translating it.
 */
export interface ChunkReader<T = Uint8Array> {
  read(): Promise<ReadableStreamReadResult<T>>;
  /** Stops reading and releases what the stream holds (for an upstream body, its connection). */
  cancel(reason?: unknown): Promise<void>;
  /**
   * True once the chunk read last is known to be the stream's last, so a writer can send it together with
   * the end of its output (one socket write less per response) instead of waiting for the next read.
   */
  readonly finished?: boolean;
}

/** A `fetch` answer that can also hand its body over as a {@link ChunkReader}, read without a web stream. */
export interface ChunkedBodyResponse extends Response {
  chunks(): ChunkReader;
}

/** The upstream body of `response`, through `chunks()` when it has one, else through its web stream. */
export function upstreamChunks(response: Response): ChunkReader | undefined {
  const chunks = (response as Partial<ChunkedBodyResponse>).chunks;
  return typeof chunks === "function" ? chunks.call(response) : response.body?.getReader();
}

/** A reader as a web stream, built only for a caller that asks for one. */
export function readerToStream(reader: ChunkReader): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
