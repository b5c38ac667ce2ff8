import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonc } from "./parse-jsonc.js";

describe("parseJsonc", () => {
  it("accepts line and block comments and trailing commas", () => {
    const text = `{
      // a comment
      "a": [1, 2,], /* another */
      "b": { "c": "d", },
    }`;
    expect(parseJsonc(text)).toEqual({ value: { a: [1, 2], b: { c: "d" } }, issues: [] });
  });

  it("reports an empty file", () => {
    expect(parseJsonc("  // nothing\n").issues).toEqual([
      { path: "", message: "the file is empty; expected a JSON object" },
    ]);
  });

  it("reports each syntax error with its line and column", () => {
    expect(parseJsonc('{\n  "a": 1\n  "b": 2\n}').issues).toEqual([
      { path: "", message: "line 3, column 3: expected comma" },
    ]);
  });

  it("reads any JSON exactly as JSON.parse does", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 2);
        expect(parseJsonc(text)).toEqual({ value: JSON.parse(text), issues: [] });
      }),
    );
  });
});
