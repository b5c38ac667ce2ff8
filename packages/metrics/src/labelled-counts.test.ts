import { describe, expect, it } from "vitest";
import { LabelledCounts } from "./labelled-counts.js";

describe("LabelledCounts", () => {
  it("sums per key and builds each key's labels once", () => {
    const counts = new LabelledCounts();
    let built = 0;
    const labels = (reason: string) => () => {
      built++;
      return { reason };
    };
    counts.add("a", labels("a"));
    counts.add("a", labels("a"), 2);
    counts.add("b", labels("b"));
    expect([...counts.values()]).toEqual([
      { labels: { reason: "a" }, value: 3 },
      { labels: { reason: "b" }, value: 1 },
    ]);
    expect(counts.get("a")).toBe(3);
    expect(counts.get("missing")).toBe(0);
    expect(built).toBe(2);
  });
});
