import { describe, expect, it } from "vitest";
import { builtinTransformers } from "../transformers/builtin-transformers.js";
import { TransformerConfigError } from "./transformer-config-error.js";
import { createTransformerRegistry } from "./transformer-registry.js";

describe("createTransformerRegistry", () => {
  it("knows every built-in, case-insensitively, each with its own name", () => {
    const registry = createTransformerRegistry();
    expect(registry.names()).toEqual(Object.keys(builtinTransformers).sort());
    expect(registry.has("Anthropic")).toBe(true);
    for (const name of registry.names()) {
      const options = name === "maxtoken" ? { max_tokens: 1000 } : undefined;
      const transformer = registry.create({ name, options });
      expect(transformer.name).toBe(name === "kimi" ? "moonshot" : name);
    }
  });

  it("returns the same instance for the same spec, and a new one after re-registering", () => {
    const registry = createTransformerRegistry();
    const spec = { name: "maxtoken", options: { max_tokens: 100 } };
    const first = registry.create(spec);
    expect(registry.create(spec)).toBe(first);
    expect(registry.create({ name: "MAXTOKEN", options: { max_tokens: 100 } })).toBe(first);
    expect(registry.create({ name: "maxtoken", options: { max_tokens: 200 } })).not.toBe(first);
    registry.register("maxtoken", () => ({ name: "maxtoken" }));
    expect(registry.create(spec)).not.toBe(first);
  });

  it("throws a TransformerConfigError listing the known names for an unknown one", () => {
    const registry = createTransformerRegistry({ builtins: false }).register("a", () => ({ name: "a" }));
    let error: unknown;
    try {
      registry.create({ name: "b" });
    } catch (caught) {
      error = caught;
    }
    expect(TransformerConfigError.isInstance(error)).toBe(true);
    expect((error as TransformerConfigError).transformer).toBe("b");
    expect((error as Error).message).toBe(
      'transformer "b": unknown transformer. Known transformers: a. A custom transformer must be listed in "transformers" ({ "path": ..., "options": ... }) to be used by name.',
    );
  });
});
