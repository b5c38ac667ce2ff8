import { describe, expect, it } from "vitest";
import { parseTierRecord } from "./tier-record-schema.js";

const record = { cooldownUntil: 5, circuit: "open", openUntil: 9, consecutiveFailures: 5 };

describe("parseTierRecord", () => {
  it("reads a record and keeps fields this version does not know", () => {
    expect(parseTierRecord(JSON.stringify({ ...record, keyBudget: 3 }))).toEqual({ ...record, keyBudget: 3 });
  });

  it.each([
    ["not JSON", "{"],
    ["an unknown circuit state", JSON.stringify({ ...record, circuit: "ajar" })],
    ["a missing field", JSON.stringify({ circuit: "closed" })],
    ["negative failures", JSON.stringify({ ...record, consecutiveFailures: -1 })],
  ])("rejects %s", (_, text) => {
    expect(parseTierRecord(text)).toBeUndefined();
  });
});
