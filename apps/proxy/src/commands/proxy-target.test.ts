import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { type PidInfo, pidFilePath, writePidFile } from "../runtime/pid-file.js";
import { AmbiguousProxyError, resolveProxyTarget } from "./proxy-target.js";

let home: string;
let env: Record<string, string>;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "ccr-target-"));
  mkdirSync(join(home, ".claude-code-router"));
  env = { HOME: home };
});

function config(name: string, settings: Record<string, unknown>): string {
  const path = join(home, name);
  // Provider keys unset and a broken Router: none of it matters to a client.
  writeFileSync(path, JSON.stringify({ ...settings, Providers: [{ api_key: "$MOCK_KEY" }], Router: 1 }));
  return path;
}

function running(port: number, extra: Partial<PidInfo> = {}): PidInfo {
  const info = { pid: process.pid, host: "127.0.0.1", port, startedAt: 1, version: "0", ...extra };
  writePidFile(info, pidFilePath(env, port));
  return info;
}

describe("resolveProxyTarget", () => {
  it("uses the defaults when nothing is configured or running, and says so", () => {
    const target = resolveProxyTarget({}, env);
    expect(target).toMatchObject({ url: "http://127.0.0.1:3456", port: 3456 });
    expect(target.apiKey).toBeUndefined();
    expect(target.source).toContain("the defaults (no config at");
  });

  it("reads PORT and APIKEY of the default config, without its provider keys", () => {
    config(".claude-code-router/config.json", { PORT: 4000, APIKEY: "$CCR_KEY" });
    const target = resolveProxyTarget({}, { ...env, CCR_KEY: "k" });
    expect(target).toMatchObject({ port: 4000, apiKey: "k" });
    expect(target.source).toBe(`HOST/PORT/APIKEY of ${join(home, ".claude-code-router/config.json")}`);
  });

  it("goes to the one running proxy, with the APIKEY of the config it runs on", () => {
    const other = config("other.json", { APIKEY: "other-key" });
    running(3999, { configPath: other });
    const target = resolveProxyTarget({}, env);
    expect(target).toMatchObject({ port: 3999, apiKey: "other-key", recorded: { port: 3999 } });
    expect(target.source).toContain("the proxy running as pid");
  });

  it("with several running, picks the one on the config's PORT, else asks for --port", () => {
    running(3999, { configPath: config("other.json", {}) });
    running(3457, { demo: true });
    expect(() => resolveProxyTarget({}, env)).toThrow(AmbiguousProxyError);
    expect(() => resolveProxyTarget({}, env)).toThrow(/pid \d+ on port 3457 \(ccr demo\).*Pass --port/);
    config(".claude-code-router/config.json", { PORT: 3999 });
    expect(resolveProxyTarget({}, env).port).toBe(3999);
  });

  it("takes --port and --host first, with the key of the proxy recorded there", () => {
    running(3999, { configPath: config("other.json", { APIKEY: "other-key" }) });
    running(3457, { demo: true });
    expect(resolveProxyTarget({ port: 3999 }, env)).toMatchObject({ port: 3999, apiKey: "other-key" });
    const demo = resolveProxyTarget({ port: 3457 }, env);
    expect(demo).toMatchObject({ port: 3457, recorded: { demo: true } });
    expect(demo.apiKey).toBeUndefined();
    expect(resolveProxyTarget({ port: 5000, host: "::1" }, env).url).toBe("http://[::1]:5000");
  });

  it("with --config, goes to the proxy running that file, else to the file's PORT", () => {
    const path = config("mine.json", { PORT: 4100, APIKEY: "mine" });
    expect(resolveProxyTarget({ config: path }, env)).toMatchObject({ port: 4100, apiKey: "mine" });
    running(41234, { configPath: path });
    running(3457, { demo: true });
    expect(resolveProxyTarget({ config: path }, env)).toMatchObject({ port: 41234, apiKey: "mine" });
  });

  it("reaches a proxy bound to every interface on loopback", () => {
    running(3999, { host: "0.0.0.0" });
    expect(resolveProxyTarget({}, env).url).toBe("http://127.0.0.1:3999");
  });
});
