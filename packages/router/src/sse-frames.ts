const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const EVENT_FIELD = Buffer.from("event:");
const BLANK_LINE = Buffer.from("\n\n");
const BLANK_CRLF_LINE = Buffer.from("\n\r\n");

/**
 * Complete SSE frames out of byte chunks split anywhere, found in the bytes themselves: the router only
 * needs a few frames of the stream it relays (its event names, `message_start`, `message_delta`, `error`),
 * and decoding and splitting every chunk it forwards cost more than the relay's own work.
 */
export class SseFrames {
  #pending: Buffer | undefined;

  /**
   * Calls `visit` with the name of each complete frame the chunk finishes, in order, while it returns
   * true; `frame()` decodes the frame being visited.
   */
  scan(chunk: Uint8Array, visit: (name: string, frame: () => string) => boolean): void {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.#pending) bytes = Buffer.concat([this.#pending, bytes]);
    const end = completeFramesEnd(bytes);
    this.#pending = end < bytes.length ? Buffer.from(bytes.subarray(end)) : undefined;
    let at = bytes.indexOf(EVENT_FIELD);
    while (at >= 0 && at < end) {
      if (at === 0 || bytes[at - 1] === LF) {
        let nameStart = at + EVENT_FIELD.length;
        if (bytes[nameStart] === SPACE) nameStart++;
        const lineEnd = bytes.indexOf(LF, nameStart);
        const nameEnd = bytes[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
        const name = bytes.toString("latin1", nameStart, nameEnd);
        const line = at;
        const frame = () => bytes.toString("utf8", frameStart(bytes, line), frameEnd(bytes, lineEnd, end));
        if (!visit(name, frame)) return;
      }
      at = bytes.indexOf(EVENT_FIELD, at + EVENT_FIELD.length);
    }
  }
}

/** Where the last complete frame ends (after its blank line), or 0 when no frame is complete. */
function completeFramesEnd(bytes: Buffer): number {
  const lf = bytes.lastIndexOf(BLANK_LINE);
  const crlf = bytes.lastIndexOf(BLANK_CRLF_LINE);
  return Math.max(lf < 0 ? 0 : lf + BLANK_LINE.length, crlf < 0 ? 0 : crlf + BLANK_CRLF_LINE.length);
}

/** Fields may come before `event:`: the frame starts after the blank line before it. */
function frameStart(bytes: Buffer, line: number): number {
  if (line === 0) return 0;
  const lf = bytes.lastIndexOf(BLANK_LINE, line - 1);
  const crlf = bytes.lastIndexOf(BLANK_CRLF_LINE, line - 1);
  return Math.max(0, lf < 0 ? 0 : lf + BLANK_LINE.length, crlf < 0 ? 0 : crlf + BLANK_CRLF_LINE.length);
}

function frameEnd(bytes: Buffer, from: number, limit: number): number {
  const lf = bytes.indexOf(BLANK_LINE, from);
  const crlf = bytes.indexOf(BLANK_CRLF_LINE, from);
  const ends = [lf, crlf].filter((index) => index >= 0 && index < limit);
  const end = ends.length === 0 ? limit : Math.min(...ends);
  return bytes[end - 1] === CR ? end - 1 : end;
}
