import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localProvider as local, modelInfo } from "../__fixtures__/provider-definitions.js";
import { loadConfig } from "./load-config.js";
import type { ProviderDefaults } from "./provider-packages.js";
import { providerRefsOf } from "./provider-refs.js";
import { type ConfigChange, watchConfig } from "./watch-config.js";

const acme: ProviderDefaults = {
  ...local,
  id: "acme",
  auth: { style: "bearer" },
  models: [modelInfo("acme-1")],
};
const providerDefinitions = { local, acme };

const dir = mkdtempSync(join(tmpdir(), "ccr-config-providers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, "config.json");
const text = `{
  // comments are fine
  "Providers": [{ "provider": "local" }, { "name": "b", "provider": " local " }, { "provider": "acme", "api_key": "k" }],
  "Router": { "default": "local,qwen3-coder:30b" },
}`;
writeFileSync(file, text);

describe("providerRefsOf", () => {
  it("lists each reference once, trimmed, from Providers or providers", () => {
    expect(providerRefsOf(text)).toEqual(["local", "acme"]);
    expect(
      providerRefsOf('{"providers": [{"provider": "x"}, {"name": "plain"}, null, {"provider": 3}]}'),
    ).toEqual(["x"]);
  });

  it("finds none in a file without package entries or that does not parse", () => {
    expect(providerRefsOf('{"Providers": [{"name": "p"}]}')).toEqual([]);
    expect(providerRefsOf('{"Providers": [{"provider": "x"}')).toEqual([]);
    expect(providerRefsOf('{"Providers": "nope"}')).toEqual([]);
  });
});

describe("loadConfig with loadProviders", () => {
  it("asks for each package the file names once, with the file's path", async () => {
    const asked: unknown[] = [];
    const result = await loadConfig({
      path: file,
      env: {},
      loadProviders: async (refs, path) => {
        asked.push(refs, path);
        return { providerDefinitions };
      },
    });
    expect(asked).toEqual([["local", "acme"], file]);
    expect(result.config.providers.local?.auth).toEqual({ style: "none" });
  });

  it("turns a loader that throws into a load failure of every package", async () => {
    const error = await loadConfig({
      path: file,
      env: {},
      loadProviders: async () => {
        throw new Error("boom");
      },
    }).catch((caught: unknown) => caught);
    expect(String(error)).toContain('provider package "local" could not be loaded: boom');
    expect(String(error)).toContain('provider package "acme" could not be loaded: boom');
  });
});

describe("watchConfig with loadProviders", () => {
  it("loads the packages a changed file names before reporting it", async () => {
    const watched = join(mkdtempSync(join(dir, "watch-")), "config.json");
    writeFileSync(
      watched,
      '{"Providers": [{"name": "p", "api_base_url": "https://p.example/v1", "models": ["m"]}], "Router": {"default": "p,m"}}',
    );
    const changes: ConfigChange[] = [];
    const asked: (readonly string[])[] = [];
    const watcher = watchConfig(watched, (change) => changes.push(change), {
      env: {},
      debounceMs: 20,
      loadProviders: async (refs) => {
        asked.push(refs);
        return { providerDefinitions };
      },
    });
    try {
      writeFileSync(watched, text);
      await expect.poll(() => changes.length, { timeout: 3000, interval: 10 }).toBe(1);
      expect(asked).toEqual([["local", "acme"]]);
      const change = changes[0];
      expect(change?.ok && change.result.config.providers.local?.providerRef).toBe("local");
    } finally {
      watcher.close();
    }
  });
});
