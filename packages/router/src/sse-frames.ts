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
  readonly #needles: readonly Buffer[];
  #pending: Buffer | undefined;

  /**
   * @param lines Only event lines that start with one of these are visited (default: every event line).
   * Each is searched for on its own, so naming the few lines wanted skips the rest of a long chunk at
   * native speed.
   */
  constructor(lines: readonly string[] = ["event:"]) {
    this.#needles = lines.map((line) => Buffer.from(line));
  }

  /**
   * Calls `visit` with the name of each complete frame the chunk finishes, in order, while it returns
   * true; `frame()` decodes the frame being visited.
   */
  scan(chunk: Uint8Array, visit: (name: string, frame: () => string) => boolean): void {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.#pending) bytes = Buffer.concat([this.#pending, bytes]);
    const end = completeFramesEnd(bytes);
    this.#pending = end < bytes.length ? Buffer.from(bytes.subarray(end)) : undefined;
    const needles = this.#needles;
    const next = needles.map((needle) => bytes.indexOf(needle));
    for (;;) {
      let which = -1;
      for (let i = 0; i < next.length; i++) {
        const at = next[i]!;
        if (at >= 0 && at < end && (which < 0 || at < next[which]!)) which = i;
      }
      if (which < 0) return;
      const at = next[which]!;
      next[which] = bytes.indexOf(needles[which]!, at + needles[which]!.length);
      if (at !== 0 && bytes[at - 1] !== LF) continue;
      let nameStart = at + EVENT_FIELD.length;
      if (bytes[nameStart] === SPACE) nameStart++;
      const lineEnd = bytes.indexOf(LF, nameStart);
      const nameEnd = bytes[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
      const name = bytes.toString("latin1", nameStart, nameEnd);
      const frame = () => bytes.toString("utf8", frameStart(bytes, at), frameEnd(bytes, lineEnd, end));
      if (!visit(name, frame)) return;
    }
  }
}

/** Where the last complete frame ends (after its blank line), or 0 when no frame is complete. */
function completeFramesEnd(bytes: Buffer): number {
  const lf = bytes.lastIndexOf(BLANK_LINE);
  const after = lf < 0 ? 0 : lf + BLANK_LINE.length;
  // A CRLF blank line only matters after the last LF one; searching only there keeps this one pass.
  const crlf = bytes.subarray(after).lastIndexOf(BLANK_CRLF_LINE);
  return crlf < 0 ? after : after + crlf + BLANK_CRLF_LINE.length;
}

/** Fields may come before `event:`: the frame starts after the blank line before it. */
function frameStart(bytes: Buffer, line: number): number {
  if (line === 0) return 0;
  const before = bytes.subarray(0, line);
  const lf = before.lastIndexOf(BLANK_LINE);
  const from = lf < 0 ? 0 : lf + BLANK_LINE.length;
  const crlf = before.subarray(from).lastIndexOf(BLANK_CRLF_LINE);
  return crlf < 0 ? from : from + crlf + BLANK_CRLF_LINE.length;
}

/** Where the frame whose event line ends at `from` ends, before its blank line. */
function frameEnd(bytes: Buffer, from: number, limit: number): number {
  const lf = bytes.indexOf(BLANK_LINE, from);
  const until = lf < 0 || lf > limit ? limit : lf;
  const crlf = bytes.subarray(from, until).indexOf(BLANK_CRLF_LINE);
  const end = crlf < 0 ? until : from + crlf;
  return bytes[end - 1] === CR ? end - 1 : end;
}
