import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveConfigPath } from "@ccr/config";
import { describe, expect, it } from "vitest";
import { configPath, readClientSettings } from "./client-settings.js";

const dir = () => mkdtempSync(join(tmpdir(), "ccr-client-"));

function configFile(text: string): string {
  const path = join(dir(), "config.jsonc");
  writeFileSync(path, text);
  return path;
}

describe("readClientSettings", () => {
  it("reads HOST, PORT and APIKEY, and nothing else: provider keys may be unset and providers wrong", () => {
    const path = configFile(`// comment
      { "HOST": "127.0.0.1", "PORT": "4567", "APIKEY": "$CCR_KEY",
        "Providers": [{ "name": "x", "api_key": "$MOCK_KEY" }], "Router": { "default": "nowhere" }, }`);
    const settings = readClientSettings({ path, env: { CCR_KEY: "s3cret" } });
    expect(settings).toMatchObject({ path, found: true, host: "127.0.0.1", port: 4567, apiKey: "s3cret" });
    expect(settings.unsetVariables).toEqual([]);
    expect(settings.problems).toEqual([]);
  });

  it("names an APIKEY variable that is not set, and leaves the key out", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the ${VAR} syntax of the config file itself.
    const path = configFile('{ "PORT": 3999, "APIKEY": "${CCR_KEY}" }');
    const settings = readClientSettings({ path, env: {} });
    expect(settings.port).toBe(3999);
    expect(settings.apiKey).toBeUndefined();
    expect(settings.unsetVariables).toEqual(["CCR_KEY"]);
  });

  it("gives the defaults for a missing file, and says why a broken one was ignored", () => {
    const missing = readClientSettings({ path: join(dir(), "none.json"), env: {} });
    expect(missing).toMatchObject({ found: false, host: "127.0.0.1", port: 3456, problems: [] });
    const broken = readClientSettings({ path: configFile("{ nope"), env: {} });
    expect(broken).toMatchObject({ found: true, port: 3456 });
    expect(broken.problems[0]).toContain("not valid JSON");
    const badPort = readClientSettings({ path: configFile('{ "PORT": "soon" }'), env: {} });
    expect(badPort.port).toBe(3456);
    expect(badPort.problems[0]).toContain('PORT "soon" is not a port number');
  });

  it("treats an empty setting as unset and keeps a wide HOST only with an APIKEY, as the proxy does", () => {
    expect(readClientSettings({ path: configFile('{ "APIKEY": "" }'), env: {} }).apiKey).toBeUndefined();
    expect(readClientSettings({ path: configFile('{ "HOST": "0.0.0.0" }'), env: {} }).host).toBe("127.0.0.1");
    expect(
      readClientSettings({ path: configFile('{ "HOST": "0.0.0.0", "APIKEY": "k" }'), env: {} }).host,
    ).toBe("0.0.0.0");
    expect(readClientSettings({ path: configFile('{ "HOST": "localhost" }'), env: {} }).host).toBe(
      "localhost",
    );
  });

  it("finds the file as @ccr/config does: --config, then CCR_CONFIG, then the default, ~ expanded", () => {
    const home = dir();
    mkdirSync(join(home, ".claude-code-router"));
    const cases: { path?: string; env: Record<string, string> }[] = [
      { env: { HOME: home } },
      { env: { HOME: home, CCR_CONFIG: "~/elsewhere.json" } },
      { env: { HOME: home, CCR_CONFIG: "relative.json" } },
      { path: "~/flag.json", env: { HOME: home, CCR_CONFIG: "/ignored.json" } },
      { path: "", env: { HOME: home, CCR_CONFIG: "" } },
    ];
    for (const { path, env } of cases) {
      expect(configPath(path, env)).toBe(
        resolveConfigPath({ ...(path !== undefined && { path }), env, homeDir: home }),
      );
    }
  });
});
