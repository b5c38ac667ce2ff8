import { describe, expect, it } from "vitest";
import { createRedisTierStateStore } from "./create-redis-tier-state-store.js";

describe("createRedisTierStateStore", () => {
  it.each(["localhost:6379", "http://cache:6379", "redis://", "secret-password@cache"])(
    "refuses %s without repeating it",
    (url) => {
      expect(() => createRedisTierStateStore({ url })).toThrow(TypeError);
      expect(() => createRedisTierStateStore({ url })).not.toThrow(url);
    },
  );
});
