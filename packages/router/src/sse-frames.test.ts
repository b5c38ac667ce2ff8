import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SseFrames } from "./sse-frames.js";

const encoder = new TextEncoder();

function scanAll(bytes: Uint8Array, cuts: number[]): { name: string; frame: string }[] {
  const frames = new SseFrames();
  const seen: { name: string; frame: string }[] = [];
  const points = [0, ...[...new Set(cuts)].sort((a, b) => a - b), bytes.length];
  for (let i = 1; i < points.length; i++) {
    frames.scan(bytes.slice(points[i - 1], points[i]), (name, frame) => {
      seen.push({ name, frame: frame() });
      return true;
    });
  }
  return seen;
}

describe("SseFrames", () => {
  it("finds every event line that starts a line, with its whole frame, for any split of the bytes", () => {
    const frame = fc
      .record({
        name: fc.constantFrom("message_start", "content_block_delta", "ping", "error", "message_stop"),
        // Data may itself mention "event:" (a reply about SSE); only a line start counts.
        text: fc.string({ unit: "grapheme", maxLength: 12 }).map((text) => `event: x ${text}`),
        crlf: fc.boolean(),
        dataFirst: fc.boolean(),
      })
      .map(({ name, text, crlf, dataFirst }) => {
        const nl = crlf ? "\r\n" : "\n";
        const data = `data: ${JSON.stringify({ text })}`;
        const lines = dataFirst ? [data, `event: ${name}`] : [`event: ${name}`, data];
        return { name, text: `${lines.join(nl)}${nl}${nl}` };
      });
    fc.assert(
      fc.property(
        fc.array(frame, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (list, raw) => {
          const text = list.map((f) => f.text).join("");
          const bytes = encoder.encode(text);
          const cuts = raw.map((n) => 1 + (n % Math.max(1, bytes.length - 1)));
          const seen = scanAll(bytes, cuts);
          expect(seen.map((f) => f.name)).toEqual(list.map((f) => f.name));
          for (const [i, f] of seen.entries())
            expect(`${f.frame}`).toBe(list[i]!.text.replace(/(\r?\n){2}$/, ""));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("stops at the frame the visitor says is enough, and waits for a frame's blank line", () => {
    const frames = new SseFrames();
    const names: string[] = [];
    frames.scan(encoder.encode("event: ping\ndata: {}\n\nevent: message_stop\ndata: {}\n\n"), (name) => {
      names.push(name);
      return false;
    });
    expect(names).toEqual(["ping"]);
    frames.scan(encoder.encode("event: error\ndata: {}\n"), (name) => names.push(name) > 0);
    expect(names).toEqual(["ping"]);
    frames.scan(encoder.encode("\n"), (name) => names.push(name) > 0);
    expect(names).toEqual(["ping", "error"]);
  });

  it("visits only the event lines asked for, in order", () => {
    const frames = new SseFrames(["event: message_", "event: error"]);
    const names: string[] = [];
    const text = [
      "event: message_start\ndata: {}\n\n",
      'event: content_block_delta\ndata: {"text":"\\nevent: error"}\n\n',
      "event: error\ndata: {}\n\n",
      "event: message_stop\ndata: {}\n\n",
    ].join("");
    frames.scan(encoder.encode(text), (name) => names.push(name) > 0);
    expect(names).toEqual(["message_start", "error", "message_stop"]);
  });
});
