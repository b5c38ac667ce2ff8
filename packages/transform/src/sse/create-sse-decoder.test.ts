import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byteStream } from "../__fixtures__/chunks-to-sse.js";
import { createSseDecoder } from "./create-sse-decoder.js";
import { formatSseEvent } from "./encode-sse-event.js";
import type { SseEvent } from "./sse-event.js";

const encoder = new TextEncoder();

async function decode(
  bytes: Uint8Array,
  cuts: number[] = [],
  onInvalidLine?: (line: string) => void,
): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  await byteStream(bytes, cuts)
    .pipeThrough(createSseDecoder(onInvalidLine ? { onInvalidLine } : {}))
    .pipeTo(new WritableStream({ write: (event) => void events.push(event) }));
  return events;
}

describe("createSseDecoder", () => {
  it("decodes events with names, ids, comments, multi-line data and CRLF line ends", async () => {
    const text =
      ": OPENROUTER PROCESSING\n\nevent: ping\ndata: {}\n\nid: 7\r\ndata: line 1\r\ndata: line 2\r\n\r\ndata: [DONE]\n\n";
    expect(await decode(encoder.encode(text))).toEqual([
      { event: "ping", data: "{}" },
      { id: "7", data: "line 1\nline 2" },
      { data: "[DONE]" },
    ]);
  });

  it("delivers a last event that lacks its closing blank line", async () => {
    expect(await decode(encoder.encode('data: {"a":1}\n\ndata: [DONE]'))).toEqual([
      { data: '{"a":1}' },
      { data: "[DONE]" },
    ]);
  });

  it("reports lines that are not SSE, such as a JSON error body", async () => {
    const lines: string[] = [];
    const events = await decode(encoder.encode('{"error":{"message":"quota"}}\n'), [], (line) =>
      lines.push(line),
    );
    expect(events).toEqual([]);
    expect(lines).toEqual(['{"error":{"message":"quota"}}']);
  });

  it("errors instead of buffering an endless event", async () => {
    const stream = byteStream(encoder.encode(`data: ${"x".repeat(100)}`)).pipeThrough(
      createSseDecoder({ maxBufferSize: 50 }),
    );
    await expect(stream.pipeTo(new WritableStream())).rejects.toMatchObject({ status: 502 });
  });

  it("decodes the same events for any split, including inside multi-byte characters", async () => {
    const sample: SseEvent[] = [
      { data: '{"content":"héllo 你好 🎉"}' },
      { event: "message", data: "ünïcödé\nsecond line" },
      { id: "42", data: "ok" },
    ];
    const text = sample
      .map((event) => (event.id ? `id: ${event.id}\n` : "") + formatSseEvent(event.event, event.data))
      .join("");
    const bytes = encoder.encode(text);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 20 }),
        async (cuts) => {
          expect(await decode(bytes, cuts)).toEqual(sample);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("round-trips any text through formatSseEvent", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme" }),
        fc.option(fc.stringMatching(/^[a-z_]{1,12}$/), { nil: undefined }),
        async (data, event) => {
          const decoded = await decode(encoder.encode(formatSseEvent(event, data)));
          expect(decoded).toEqual([
            event === undefined
              ? { data: data.replace(/\r\n|\r/g, "\n") }
              : { event, data: data.replace(/\r\n|\r/g, "\n") },
          ]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
