import { describe, expect, it } from "vitest";
import { createSseParser, type SseEvent } from "./parse-sse.js";

function parseAll(chunks: readonly string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  for (const chunk of chunks) parser.feed(chunk);
  return events;
}

const STREAM =
  'event: stats\nid: 0\ndata: {"a":1}\n\n: keep-alive\n\nevent: stats\r\nid: 1\r\ndata: line one\r\ndata: line two\r\n\r\ndata: plain\n\n';
const EXPECTED: SseEvent[] = [
  { event: "stats", id: "0", data: '{"a":1}' },
  { event: "stats", id: "1", data: "line one\nline two" },
  { event: "message", id: "1", data: "plain" },
];

describe("createSseParser", () => {
  it("reads events, multi-line data, ids, comments and CRLF", () => {
    expect(parseAll([STREAM])).toEqual(EXPECTED);
  });

  it("gives the same events however the stream is split into chunks", () => {
    for (let a = 0; a <= STREAM.length; a++) {
      for (let b = a; b <= STREAM.length; b += 7) {
        expect(parseAll([STREAM.slice(0, a), STREAM.slice(a, b), STREAM.slice(b)])).toEqual(EXPECTED);
      }
    }
  });

  it("waits for the blank line before dispatching", () => {
    expect(parseAll(["data: x\n"])).toEqual([]);
  });
});
