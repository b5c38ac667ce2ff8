import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anthropicEventsFixture, eventsToSse } from "../__fixtures__/anthropic-sse.js";
import { byteStream, parseSseText, readAllText } from "../__fixtures__/chunks-to-sse.js";
import { anthropicPassthroughStream } from "./anthropic-passthrough-stream.js";

const bytes = new TextEncoder().encode(eventsToSse(anthropicEventsFixture("anthropic-tool-use")));

function passThrough(cuts: number[] = []): Promise<string> {
  return readAllText(byteStream(bytes, cuts).pipeThrough(anthropicPassthroughStream("claude-sonnet-4-5")));
}

describe("anthropicPassthroughStream", () => {
  it("keeps every event (pings included), data untouched except message_start's model", async () => {
    const input = parseSseText(eventsToSse(anthropicEventsFixture("anthropic-tool-use")));
    const output = parseSseText(await passThrough());
    expect(output).toEqual(
      input.map((event) =>
        event.event === "message_start"
          ? {
              ...event,
              data: {
                ...(event.data as object),
                message: { ...(event.data as { message: object }).message, model: "claude-sonnet-4-5" },
              },
            }
          : event,
      ),
    );
  });

  it("gives the same output for any split of the input bytes", async () => {
    const whole = await passThrough();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 20 }),
        async (cuts) => {
          expect(await passThrough(cuts)).toBe(whole);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("emits message_start as soon as it arrives", async () => {
    const transform = anthropicPassthroughStream("m");
    const writer = transform.writable.getWriter();
    const reader = transform.readable.getReader();
    const first = eventsToSse(anthropicEventsFixture("anthropic-tool-use")).split("\n\n")[0];
    void writer.write(new TextEncoder().encode(`${first}\n\n`));
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toMatch(/^event: message_start\n/);
  });
});
