import { describe, expect, it } from "vitest";
import { RingLog } from "./ring-log.js";

describe("RingLog", () => {
  it("returns items oldest first before it wraps", () => {
    const log = new RingLog<number>(3);
    log.push(1);
    log.push(2);
    expect(log.toArray()).toEqual([1, 2]);
  });

  it("drops the oldest items once full", () => {
    const log = new RingLog<number>(3);
    for (let i = 1; i <= 7; i++) log.push(i);
    expect(log.toArray()).toEqual([5, 6, 7]);
  });
});
