import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTransformerRegistry } from "@ccr/transform";
import { afterAll, describe, expect, it } from "vitest";
import {
  BUNDLED_PROVIDER_IDS,
  loadProviderPackages,
  registerBundledTransformers,
  registerProvidedTransformers,
} from "./provider-packages.js";

const dir = mkdtempSync(join(tmpdir(), "ccr-provider-packages-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const configPath = join(dir, "config.json");

/** An npm provider package installed next to the config, as a user outside this repository ships one. */
function installPackage(
  name: string,
  source: string,
  manifest: Record<string, unknown> = { main: "index.js" },
) {
  const root = join(dir, "node_modules", ...name.split("/"));
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, "package.json"), JSON.stringify({ name, type: "module", ...manifest }));
  writeFileSync(join(root, "index.js"), source);
}

installPackage(
  "@someone/ccr-provider-foo",
  `export const fooProvider = {
    id: "foo",
    displayName: "Foo",
    defaultBaseUrl: "https://api.foo.example/v1",
    protocol: "openai",
    auth: { style: "bearer" },
    apiKeyEnv: "FOO_API_KEY",
    transformers: [],
    models: [{
      id: "foo-1",
      contextWindow: 100000,
      maxOutputTokens: 8000,
      capabilities: { tools: true, vision: false, reasoning: false },
      pricing: { input: 1, output: 2 },
    }],
  };`,
);
installPackage("ccr-provider-empty", "export const nothing = 1;");
// ESM only: no `require` condition, so `require.resolve` cannot find it.
installPackage(
  "ccr-provider-esm",
  `export default { id: "esm", displayName: "ESM", defaultBaseUrl: "https://esm.example/v1", protocol: "openai",
    auth: { style: "none" }, transformers: [],
    models: [{ id: "esm-1", contextWindow: 1000, maxOutputTokens: 100,
      capabilities: { tools: true, vision: false, reasoning: false }, pricing: { input: 0, output: 0 } }] };`,
  { exports: { ".": { import: "./index.js" } } },
);

describe("loadProviderPackages", () => {
  it("loads bundled ids and npm packages installed next to the config", async () => {
    const { providerDefinitions, providerLoadFailures } = await loadProviderPackages(
      ["deepseek", "ollama", "@someone/ccr-provider-foo", "ccr-provider-esm"],
      configPath,
    );
    expect(providerLoadFailures).toEqual({});
    expect(providerDefinitions.deepseek?.id).toBe("deepseek");
    expect(providerDefinitions.ollama?.auth).toEqual({ style: "none" });
    expect(providerDefinitions["@someone/ccr-provider-foo"]?.models[0]?.id).toBe("foo-1");
    expect(providerDefinitions["ccr-provider-esm"]?.id).toBe("esm");
  });

  it("says what to do about a package it cannot use", async () => {
    const { providerLoadFailures } = await loadProviderPackages(
      ["deepsek", "acme", "@nobody/ccr-provider-none", "ccr-provider-empty"],
      configPath,
    );
    expect(providerLoadFailures.deepsek).toEqual({
      reason: "@ccr/provider-deepsek is not installed",
      suggestion: `did you mean "deepseek"? (bundled: ${BUNDLED_PROVIDER_IDS.join(", ")})`,
    });
    expect(providerLoadFailures.acme).toEqual({
      reason: "@ccr/provider-acme is not installed",
      suggestion: `install it next to the config: cd ${dir} && npm i @ccr/provider-acme`,
    });
    expect(providerLoadFailures["@nobody/ccr-provider-none"]?.reason).toBe(
      "@nobody/ccr-provider-none is not installed",
    );
    expect(providerLoadFailures["ccr-provider-empty"]?.reason).toContain(
      "ccr-provider-empty is not a usable provider package",
    );
  });

  it("ships every bundled provider as a dependency of the proxy", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const shipped = Object.keys(pkg.dependencies)
      .filter((name) => name.startsWith("@ccr/provider-"))
      .map((name) => name.slice("@ccr/provider-".length));
    expect(shipped.sort()).toEqual([...BUNDLED_PROVIDER_IDS]);
  });
});

describe("registerProvidedTransformers", () => {
  it("registers what a package provides once, keeping names already taken", async () => {
    const registry = createTransformerRegistry().register("groq", () => ({ name: "mine" }));
    const packages = await loadProviderPackages(["groq", "moonshot", "deepseek"], configPath);
    expect(registerProvidedTransformers(packages, registry).sort()).toEqual([
      "deepseek",
      "groq-usage",
      "kimi",
      "moonshot",
      "moonshot-usage",
    ]);
    expect(registry.create({ name: "groq" }).name).toBe("mine");
    expect(registry.create({ name: "kimi" }).name).toBe("moonshot");
    expect(registerProvidedTransformers(packages, registry)).toEqual([]);
  });
});

describe("registerBundledTransformers", () => {
  it("makes claude-code-router's provider transformer names work without naming the package", async () => {
    const registry = createTransformerRegistry();
    expect(registry.has("deepseek")).toBe(false);
    const names = await registerBundledTransformers(registry);
    for (const name of ["deepseek", "gemini", "groq", "kimi", "moonshot", "groq-usage", "moonshot-usage"]) {
      expect(names).toContain(name);
      expect(registry.has(name)).toBe(true);
    }
    // The generic transformers stay @ccr/transform's own.
    expect(names).not.toContain("signedthinking");
    expect(await registerBundledTransformers(registry)).toEqual([]);
  });
});
