import { describe, expect, it } from "vitest";
import { closestMatch, didYouMean, editDistance } from "./suggest.js";

describe("suggest", () => {
  it("measures edit distance, ignoring case", () => {
    expect(editDistance("deepsek", "deepseek")).toBe(1);
    expect(editDistance("ZAI", "zai")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("suggests the closest candidate only when it is a likely typo", () => {
    expect(closestMatch("deepsek", ["zai", "deepseek", "minimax"])).toBe("deepseek");
    expect(closestMatch("openai", ["zai", "deepseek", "minimax"])).toBeUndefined();
    expect(didYouMean("longcontext", ["default", "longContext"])).toBe('did you mean "longContext"?');
    expect(didYouMean("x", [])).toBeUndefined();
  });
});
