import { describe, expect, it } from "vitest";
import { parseChangeMessage } from "./change-message.js";

const tier = { cooldownUntil: 5, circuit: "open", openUntil: 9, consecutiveFailures: 5 };
const key = { cooldownUntil: 7, cooldownReason: "auth" };
const message = (id: string, record: unknown) => ({
  epoch: "e",
  id,
  version: 3,
  ttlMs: 1000,
  origin: "o",
  record: JSON.stringify(record),
});

describe("parseChangeMessage", () => {
  it("reads an announcement with its record, by the kind its id says", () => {
    expect(parseChangeMessage(JSON.stringify(message("tier:a,m", tier)))).toEqual({
      ...message("tier:a,m", tier),
      record: tier,
    });
    expect(parseChangeMessage(JSON.stringify(message("key:a#2", key)))).toEqual({
      ...message("key:a#2", key),
      record: key,
    });
  });

  it("rejects a record not of its id's kind, an unknown kind, and a bad version", () => {
    expect(parseChangeMessage(JSON.stringify(message("tier:a,m", key)))).toBeUndefined();
    expect(parseChangeMessage(JSON.stringify(message("key:a#2", { circuit: "open" })))).toBeUndefined();
    expect(parseChangeMessage(JSON.stringify(message("a,m", tier)))).toBeUndefined();
    expect(parseChangeMessage(JSON.stringify({ ...message("tier:a,m", tier), version: 0 }))).toBeUndefined();
  });
});
