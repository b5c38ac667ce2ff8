import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeySelector } from "./key-selector.js";

const picks = (selector: KeySelector, candidates: { id: string; weight: number }[], n: number) =>
  Array.from({ length: n }, () => selector.pick(candidates)?.id);

describe("KeySelector", () => {
  it("alternates keys of equal weight", () => {
    const keys = [
      { id: "z#1", weight: 1 },
      { id: "z#2", weight: 1 },
      { id: "z#3", weight: 1 },
    ];
    expect(picks(new KeySelector(), keys, 6)).toEqual(["z#1", "z#2", "z#3", "z#1", "z#2", "z#3"]);
  });

  it("gives a key of half the weight every third turn, spread out", () => {
    const turns = picks(
      new KeySelector(),
      [
        { id: "a", weight: 1 },
        { id: "b", weight: 0.5 },
      ],
      6,
    );
    expect(turns).toEqual(["a", "b", "a", "a", "b", "a"]);
  });

  it("skips what is not offered and picks nothing from nothing", () => {
    const selector = new KeySelector();
    expect(selector.pick([])).toBeUndefined();
    expect(picks(selector, [{ id: "a", weight: 1 }], 3)).toEqual(["a", "a", "a"]);
  });

  it("shares turns in proportion to the weights", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 5 }), (weights) => {
        const keys = weights.map((weight, index) => ({ id: `k${index}`, weight }));
        const total = weights.reduce((a, b) => a + b, 0);
        const counts = new Map<string, number>();
        for (const id of picks(new KeySelector(), keys, total * 4))
          counts.set(id!, (counts.get(id!) ?? 0) + 1);
        for (const key of keys) expect(counts.get(key.id)).toBe(key.weight * 4);
      }),
    );
  });
});
