import { describe, expect, it } from "vitest";
import { createRedisTierStateStore } from "./create-redis-tier-state-store.js";

describe("createRedisTierStateStore", () => {
  it.each(["localhost:6379", "http://cache:6379", "redis://", "unix:///run/redis.sock"])(
    "refuses %s",
    (url) => {
      expect(() => createRedisTierStateStore({ url })).toThrow(TypeError);
    },
  );

  it("does not repeat the refused value, which may hold a password", () => {
    expect(() => createRedisTierStateStore({ url: "hunter2@cache:6379" })).toThrow(/^not a Redis URL/);
    expect(() => createRedisTierStateStore({ url: "hunter2@cache:6379" })).not.toThrow(/hunter2/);
  });
});
