import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeToolId } from "./tool-ids.js";
import { MAX_TOOL_NAME_LENGTH, restoreToolName, shortenToolName } from "./tool-names.js";
import { createTranslationContext } from "./translation-context.js";

describe("shortenToolName", () => {
  it("keeps short names and shortens long ones to a readable, stable, distinct form", () => {
    expect(shortenToolName("Read")).toBe("Read");
    const base = `mcp__server__${"x".repeat(60)}`;
    const a = shortenToolName(`${base}_alpha`);
    const b = shortenToolName(`${base}_beta`);
    expect(a).toHaveLength(MAX_TOOL_NAME_LENGTH);
    expect(a.startsWith("mcp__server__")).toBe(true);
    expect(a).not.toBe(b);
    expect(shortenToolName(`${base}_alpha`)).toBe(a);
  });

  it("is restored from the context", () => {
    const context = createTranslationContext("m", { toolNames: { short: "original" } });
    expect(restoreToolName(context, "short")).toBe("original");
    expect(restoreToolName(context, "Read")).toBe("Read");
  });
});

describe("normalizeToolId", () => {
  it("leaves valid ids alone and fixes Kimi-style ids", () => {
    expect(normalizeToolId("toolu_01AbC-d")).toBe("toolu_01AbC-d");
    expect(normalizeToolId("functions.Bash:0")).toMatch(/^functions_Bash_0_[a-z0-9]{6}$/);
    expect(normalizeToolId("a.b")).not.toBe(normalizeToolId("a:b"));
  });

  it("always yields a valid id and is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        const normalized = normalizeToolId(id);
        expect(normalized).toMatch(/^[a-zA-Z0-9_-]+$/);
        expect(normalizeToolId(normalized)).toBe(normalized);
      }),
    );
  });
});
