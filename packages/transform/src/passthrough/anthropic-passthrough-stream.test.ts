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

  it("holds message_start until the first content, then sends both at once", async () => {
    const transform = anthropicPassthroughStream("m");
    const writer = transform.writable.getWriter();
    const reader = transform.readable.getReader();
    const [start, ping, firstContent] = eventsToSse(anthropicEventsFixture("anthropic-tool-use")).split(
      "\n\n",
    );
    void writer.write(new TextEncoder().encode(`${start}\n\n${ping}\n\n`));
    const read = reader.read();
    const early = await Promise.race([read, new Promise((resolve) => setTimeout(() => resolve("held"), 20))]);
    expect(early).toBe("held");
    void writer.write(new TextEncoder().encode(`${firstContent}\n\n`));
    const text = new TextDecoder().decode((await read).value);
    expect(text).toMatch(/^event: message_start\n/);
    expect(text).toMatch(/\n\nevent: ping\n/);
    expect(text).toMatch(/\n\nevent: content_block_start\n/);
  });
});
