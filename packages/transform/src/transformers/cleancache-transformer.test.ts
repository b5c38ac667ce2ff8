import { describe, expect, it } from "vitest";
import { tierContext } from "../__fixtures__/tier-context.js";
import { cleancacheTransformer, withoutCacheControl } from "./cleancache-transformer.js";

describe("cleancache", () => {
  it("removes cache_control from system, messages and tools", async () => {
    const context = tierContext({
      protocol: "anthropic",
      request: {
        system: [{ type: "text", text: "sys", cache_control: { type: "ephemeral" } }],
        messages: [
          {
            role: "user",
            content: [{ type: "text", text: "hi", cache_control: { type: "ephemeral", ttl: "1h" } }],
          },
        ],
        tools: [{ name: "T", input_schema: { type: "object" }, cache_control: { type: "ephemeral" } }],
      },
    });
    const out = await cleancacheTransformer().anthropicRequest?.(context.request, context);
    expect(JSON.stringify(out)).not.toContain("cache_control");
    expect(out?.system).toEqual([{ type: "text", text: "sys" }]);
    expect(JSON.stringify(context.request)).toContain("cache_control");
  });

  it("returns the same object when there is nothing to remove", () => {
    const value = { a: [{ b: 1 }], c: "x" };
    expect(withoutCacheControl(value)).toBe(value);
  });
});
