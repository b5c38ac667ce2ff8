import { describe, expect, it } from "vitest";
import { anthropicTransformer } from "./anthropic-transformer.js";

describe("anthropic", () => {
  it("is a marker with a name and no hook, so it never changes a request on either protocol", () => {
    expect(anthropicTransformer()).toEqual({ name: "anthropic" });
  });
});
