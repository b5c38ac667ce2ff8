import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { normalizeConfig } from "@ccr/config";
import type { CustomRouter } from "@ccr/router";
import { createTransformerRegistry } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { ExtensionLoadError, loadCustomRouter, loadCustomTransformers } from "./load-extensions.js";

const dir = mkdtempSync(join(tmpdir(), "ccr-ext-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const config = normalizeConfig({
  Providers: [{ name: "p", api_base_url: "http://127.0.0.1:1", models: ["m"] }],
  Router: { default: "p,m" },
}).config;

// The router hands a richer request and config (claude-code-router's shape); these modules only read a field.
const call = (router: CustomRouter, request: object) =>
  router(request as never, config as never, {} as never);

describe("loadCustomRouter", () => {
  it("loads a CommonJS module.exports function (claude-code-router's shape)", async () => {
    const path = file(
      "router.cjs",
      "module.exports = async (req, config) => req.model.includes('haiku') ? Object.keys(config.providers)[0] + ',m' : null;",
    );
    const router = await loadCustomRouter(path);
    expect(await call(router, { model: "claude-haiku" })).toBe("p,m");
    expect(await call(router, { model: "claude-opus" })).toBeNull();
  });

  it("loads an ESM default export and treats an empty answer as no decision", async () => {
    const router = await loadCustomRouter(file("router.mjs", "export default () => '';"));
    expect(await call(router, {})).toBeNull();
  });

  it("names the file and the problem when the module is not a function", async () => {
    const path = file("not-a-router.mjs", "export const x = 1;");
    await expect(loadCustomRouter(path)).rejects.toThrow(ExtensionLoadError);
    await expect(loadCustomRouter(path)).rejects.toThrow(`cannot load custom router ${path}`);
  });

  it("names the file when it cannot be imported", async () => {
    await expect(loadCustomRouter(join(dir, "missing.mjs"))).rejects.toThrow(
      /cannot load custom router .*missing\.mjs/,
    );
  });
});

describe("loadCustomTransformers", () => {
  it("registers a user transformer under its own name with the configured options", async () => {
    const path = file(
      "upper.mjs",
      `export default (options) => ({
        name: "suffix",
        openaiRequest: (body) => ({ ...body, suffix: options?.suffix }),
      });`,
    );
    const registry = createTransformerRegistry();
    const names = await loadCustomTransformers([{ path, options: { suffix: "!" } }], registry);
    expect(names).toEqual(["suffix"]);
    expect(registry.names()).toContain("suffix");
    expect(registry.create({ name: "suffix" }).name).toBe("suffix");
  });

  it("names the file when a module is not a transformer", async () => {
    const path = file("bad-transformer.mjs", "export default 42;");
    await expect(loadCustomTransformers([{ path }], createTransformerRegistry())).rejects.toThrow(
      `cannot load transformer ${path}`,
    );
  });
});
