import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StreamObserver } from "./stream-observer.js";

const STREAM = [
  'event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":120,"output_tokens":1,"cache_read_input_tokens":30}}}\n\n',
  'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"héllo ✓"}}\n\n',
  'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":42}}\n\n',
  'event: message_stop\ndata: {"type":"message_stop"}\n\n',
].join("");

function observe(chunks: Uint8Array[]): StreamObserver {
  const observer = new StreamObserver();
  for (const chunk of chunks) observer.observe(chunk);
  return observer;
}

describe("StreamObserver", () => {
  it("reads usage from message_start and message_delta and sees message_stop", () => {
    const observer = observe([new TextEncoder().encode(STREAM)]);
    expect(observer.usage()).toEqual({
      inputTokens: 120,
      outputTokens: 42,
      cacheReadTokens: 30,
      cacheCreationTokens: 0,
    });
    expect(observer.completed).toBe(true);
    expect(observer.error).toBeUndefined();
  });

  it("gives the same result for any split of the bytes", () => {
    const bytes = new TextEncoder().encode(STREAM);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 20 }),
        (cuts) => {
          const points = [0, ...cuts.sort((x, y) => x - y), bytes.length];
          const chunks = points.slice(1).map((end, i) => bytes.slice(points[i], end));
          const observer = observe(chunks);
          expect(observer.usage()).toEqual({
            inputTokens: 120,
            outputTokens: 42,
            cacheReadTokens: 30,
            cacheCreationTokens: 0,
          });
          expect(observer.completed).toBe(true);
        },
      ),
    );
  });

  it("records an error frame and a missing message_stop", () => {
    const observer = observe([
      new TextEncoder().encode(
        'event: error\r\ndata: {"type":"error","error":{"type":"overloaded_error","message":"busy"}}\r\n\r\n',
      ),
    ]);
    expect(observer.error).toEqual({ type: "overloaded_error", message: "busy" });
    expect(observer.completed).toBe(false);
    expect(observer.usage()).toBeUndefined();
  });
});
