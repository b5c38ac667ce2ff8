import { describe, expect, it } from "vitest";
import { parseTierRef } from "./tier-ref.js";

describe("parseTierRef", () => {
  it("splits at the first comma, so model ids keep slashes, colons and commas", () => {
    expect(parseTierRef("openrouter,anthropic/claude-3.7-sonnet:thinking")).toEqual({
      provider: "openrouter",
      model: "anthropic/claude-3.7-sonnet:thinking",
      id: "openrouter,anthropic/claude-3.7-sonnet:thinking",
    });
    expect(parseTierRef("p,a,b")?.model).toBe("a,b");
  });

  it("trims spaces around each half", () => {
    expect(parseTierRef(" zai , glm-4.7 ")?.id).toBe("zai,glm-4.7");
  });

  it("rejects a value without both halves", () => {
    for (const value of ["zai", "zai,", ",glm", "", ","]) expect(parseTierRef(value)).toBeUndefined();
  });
});
