import { encodeSseEvent } from "@ccr/transform";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HeldEvents } from "./held-events.js";

const frame = (event: string, data: unknown) => encodeSseEvent(event, JSON.stringify(data));
const messageStart = frame("message_start", { type: "message_start", message: { id: "m" } });
const ping = frame("ping", { type: "ping" });
const blockStart = frame("content_block_start", { type: "content_block_start", index: 0 });
const rateLimited = frame("error", {
  type: "error",
  error: { type: "rate_limit_error", message: "slow down" },
});

const concat = (parts: Uint8Array[]) => Buffer.concat(parts);

/** Feeds `bytes` split at `cuts`, returning every verdict. */
function feed(bytes: Uint8Array, cuts: number[]) {
  const held = new HeldEvents();
  const points = [...new Set(cuts.map((cut) => cut % bytes.byteLength))].sort((a, b) => a - b);
  const verdicts = [];
  let from = 0;
  for (const point of [...points, bytes.byteLength]) {
    if (point <= from) continue;
    verdicts.push(held.add(bytes.subarray(from, point)));
    from = point;
  }
  return { held, verdicts };
}

describe("HeldEvents", () => {
  it("waits through message_start and pings, and says content once a content event arrives", () => {
    const held = new HeldEvents();
    expect(held.add(messageStart)).toEqual({ kind: "wait" });
    expect(held.add(ping)).toEqual({ kind: "wait" });
    expect(held.add(blockStart)).toEqual({ kind: "content" });
    expect(Buffer.from(held.bytes())).toEqual(concat([messageStart, ping, blockStart]));
  });

  it("reports an error frame that comes before any content, with its type and message", () => {
    const held = new HeldEvents();
    held.add(messageStart);
    expect(held.add(rateLimited)).toEqual({ kind: "error", type: "rate_limit_error", message: "slow down" });
  });

  it("gives the same verdict and bytes for any split of the same bytes", () => {
    for (const [stream, verdict] of [
      [concat([messageStart, ping, blockStart]), "content"],
      [concat([messageStart, rateLimited, blockStart]), "error"],
    ] as const) {
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 6 }), (cuts) => {
          const { held, verdicts } = feed(stream, cuts);
          const decided = verdicts.find((result) => result.kind !== "wait");
          expect(decided?.kind).toBe(verdict);
          if (verdict === "content") expect(Buffer.from(held.bytes())).toEqual(stream);
        }),
      );
    }
  });
});
