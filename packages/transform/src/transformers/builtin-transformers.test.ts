import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinTransformers } from "./builtin-transformers.js";

const files = readdirSync(new URL(".", import.meta.url));
const transformerFiles = files.filter((file) => file.endsWith("-transformer.ts"));

describe("built-in transformers follow the pattern", () => {
  it.each(transformerFiles)("%s is registered and has a test beside it", async (file) => {
    expect(files).toContain(file.replace(/\.ts$/, ".test.ts"));
    // The files are listed at run time: nothing for Vite to analyze.
    const module = (await import(/* @vite-ignore */ `./${file}`)) as Record<string, unknown>;
    const factories = Object.values(module).filter((value) => typeof value === "function");
    expect(factories.some((factory) => Object.values(builtinTransformers).includes(factory as never))).toBe(
      true,
    );
  });

  it("registers every transformer file and nothing else", () => {
    const names = new Set(Object.values(builtinTransformers));
    expect(names.size).toBe(transformerFiles.length);
  });
});
