import { describe, expect, it } from "vitest";
import { openaiTransformer } from "./openai-transformer.js";

describe("openai", () => {
  it("is a marker with a name and no hook, so it never changes a request", () => {
    expect(openaiTransformer()).toEqual({ name: "openai" });
  });
});
