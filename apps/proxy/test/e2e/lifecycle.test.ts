import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  builtCliPath,
  type FakeOpenAI,
  httpError,
  openaiText,
  openaiTextStream,
  type RunningProxy,
  startFakeOpenAI,
  startProxy,
} from "@ccr/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { cascadeConfig, parseSse, postMessages, providerFor, streamedText, userRequest } from "./support.js";

const run = promisify(execFile);
const cli = builtCliPath();

let proxies: RunningProxy[] = [];
let fakes: FakeOpenAI[] = [];
afterEach(async () => {
  await Promise.all(proxies.map((proxy) => proxy.stop("SIGKILL")));
  proxies = [];
  await Promise.all(fakes.map((fake) => fake.close()));
  fakes = [];
});

async function fake(script: Parameters<typeof startFakeOpenAI>[0] = []) {
  const started = await startFakeOpenAI(script);
  fakes.push(started);
  return started;
}

async function proxyWith(config: unknown, args: string[] = []) {
  const proxy = await startProxy({ config, args });
  proxies.push(proxy);
  return proxy;
}

/** Runs the built CLI; resolves with its exit code and output whatever the code. */
async function ccr(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env },
      timeout: 20_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The pid recorded by the one proxy running from `home` (pid files are per port: `ccr-<port>.pid`). */
function recordedPid(home: string): number {
  const dir = join(home, ".claude-code-router");
  const files = readdirSync(dir).filter((name) => /^ccr-\d+\.pid$/.test(name));
  expect(files).toHaveLength(1);
  return JSON.parse(readFileSync(join(dir, files[0]!), "utf8")).pid as number;
}

const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("condition not met in time");
};

describe("ccr start", () => {
  it("prints where it listens and the tier chain of each scenario", async () => {
    const a = await fake();
    const b = await fake();
    const proxy = await proxyWith(cascadeConfig({ a, b }));
    expect(proxy.stdout()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(proxy.stdout()).toContain("a,a-model");
    expect(proxy.stdout()).toContain("b,b-model");
    expect(proxy.stdout()).not.toContain("key-a");
    // The pid file under HOME records the process and its real port.
    const recorded = JSON.parse(
      readFileSync(join(proxy.home, ".claude-code-router", `ccr-${proxy.port}.pid`), "utf8"),
    );
    expect(recorded).toMatchObject({ pid: proxy.pid, port: proxy.port });
  });

  it("starts when the pid file names a live process that is not a proxy (a reused pid)", async () => {
    const a = await fake();
    const home = mkdtempSync(join(tmpdir(), "ccr-stale-"));
    mkdirSync(join(home, ".claude-code-router"));
    const stale = { pid: process.pid, host: "127.0.0.1", port: 9, startedAt: 0, version: "0" };
    writeFileSync(join(home, ".claude-code-router", "ccr-9.pid"), JSON.stringify(stale));
    const proxy = await startProxy({ config: cascadeConfig({ a }), env: { HOME: home } });
    proxies.push(proxy);
    expect((await fetch(`${proxy.url}/health`)).status).toBe(200);
  });

  it("says which port is in use and how to fix it", async () => {
    const a = await fake();
    // Another program on the port (a CCR proxy there is named as such: see client-commands.test.ts).
    const other = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const { port } = other.address() as AddressInfo;
    try {
      const dir = mkdtempSync(join(tmpdir(), "ccr-port-"));
      const configPath = join(dir, "config.json");
      writeFileSync(configPath, JSON.stringify(cascadeConfig({ a })));
      const result = await ccr(["start", "--config", configPath, "--port", String(port)], { HOME: dir });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`port ${port} is in use: stop the other process or use --port`);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it("refuses to bind beyond loopback without an APIKEY", async () => {
    const a = await fake();
    const dir = mkdtempSync(join(tmpdir(), "ccr-host-"));
    const configPath = join(dir, "config.json");
    writeFileSync(configPath, JSON.stringify(cascadeConfig({ a })));
    const result = await ccr(["start", "--config", configPath, "--port", "0", "--host", "0.0.0.0"], {
      HOME: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("refusing to listen on 0.0.0.0 without an APIKEY");
  });

  it("says where it looked when the config is missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccr-missing-"));
    const result = await ccr(["start"], { HOME: dir, CCR_CONFIG: "" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(dir, ".claude-code-router", "config.json"));
    expect(result.stderr).toContain("--config");
  });

  it("never logs a provider key, even when the provider echoes it", async () => {
    const a = await fake([httpError(401, "invalid api key: key-a-secret-123")]);
    const b = await fake([openaiText("ok")]);
    const config = cascadeConfig({ a, b }, {}, { LOG_LEVEL: "debug" });
    config.Providers[0]!.api_key = "key-a-secret-123";
    const proxy = await proxyWith(config);
    expect((await postMessages(proxy.url, userRequest())).status).toBe(200);
    await until(() => proxy.stdout().includes("***"));
    expect(proxy.stdout()).not.toContain("key-a-secret-123");
  });

  it("requires the APIKEY on every route but /health when one is set", async () => {
    const a = await fake([openaiText("ok")]);
    const proxy = await proxyWith(cascadeConfig({ a }, {}, { APIKEY: "proxy-secret" }));
    expect((await fetch(`${proxy.url}/health`)).status).toBe(200);
    expect((await postMessages(proxy.url, userRequest())).status).toBe(401);
    const ok = await postMessages(proxy.url, userRequest(), { headers: { "x-api-key": "proxy-secret" } });
    expect(ok.status).toBe(200);
    // The proxy's key is not a provider's: it is never forwarded.
    expect(JSON.stringify(a.requests[0]!.headers)).not.toContain("proxy-secret");
  });

  it("serves the stats endpoints, and logs to the log folder when LOG is on", async () => {
    const a = await fake([openaiText("ok")]);
    const proxy = await proxyWith(cascadeConfig({ a }, {}, { LOG: true, LOG_LEVEL: "info" }));
    const answered = await postMessages(proxy.url, userRequest());
    const requestId = answered.headers.get("request-id")!;
    const logFile = join(proxy.home, ".claude-code-router", "logs", "ccr.log");
    await until(() => existsSync(logFile) && readFileSync(logFile, "utf8").includes(requestId));
    expect(readFileSync(logFile, "utf8")).not.toContain("key-a");
    const metrics = await (await fetch(`${proxy.url}/metrics`)).text();
    expect(metrics).toContain("ccr_requests_total");
    expect((await fetch(`${proxy.url}/api/stats`)).status).toBe(200);
  });
});

describe("hot reload", () => {
  it("applies a valid new config to new requests and keeps the old one when the new one is invalid", async () => {
    const a = await fake(() => openaiText("from a"));
    const b = await fake(() => openaiText("from b"));
    const proxy = await proxyWith(cascadeConfig({ a }));
    expect((await postMessages(proxy.url, userRequest())).headers.get("x-ccr-tier")).toBe("a,a-model");

    proxy.writeConfig(cascadeConfig({ b }));
    await until(
      async () => (await postMessages(proxy.url, userRequest())).headers.get("x-ccr-tier") === "b,b-model",
    );

    proxy.writeConfig('{ "Providers": [], "Router": { "default": "nowhere,none" } }');
    await until(() => proxy.stdout().includes("config not reloaded"));
    expect((await postMessages(proxy.url, userRequest())).headers.get("x-ccr-tier")).toBe("b,b-model");
  });

  it("re-reads the config on SIGHUP", async () => {
    const a = await fake(() => openaiText("from a"));
    const b = await fake(() => openaiText("from b"));
    const proxy = await proxyWith(cascadeConfig({ a }));
    // Written while the watcher may be debouncing: SIGHUP must apply it either way.
    proxy.writeConfig({ ...cascadeConfig({ b }), Providers: [providerFor("b", b)] });
    proxy.process.kill("SIGHUP");
    await until(
      async () => (await postMessages(proxy.url, userRequest())).headers.get("x-ccr-tier") === "b,b-model",
    );
  });

  it("lets an in-flight stream finish on the old config", async () => {
    const a = await fake([openaiTextStream(["one ", "two ", "three"], { intervalMs: 250 })]);
    const b = await fake(() => openaiText("from b"));
    const proxy = await proxyWith(cascadeConfig({ a }));
    const streaming = postMessages(proxy.url, userRequest("hi", { stream: true }));
    await a.waitForRequests(1);
    proxy.writeConfig(cascadeConfig({ b }));
    const events = parseSse(await (await streaming).text());
    expect(streamedText(events)).toBe("one two three");
    expect(events.at(-1)?.event).toBe("message_stop");
  });
});

describe("graceful shutdown", () => {
  it("on SIGTERM stops accepting, lets the active stream finish, and exits 0", async () => {
    const a = await fake([openaiTextStream(["one ", "two ", "three"], { intervalMs: 300 })]);
    const proxy = await startProxy({ config: cascadeConfig({ a }) });
    const streaming = postMessages(proxy.url, userRequest("hi", { stream: true }));
    await a.waitForRequests(1);
    const exited = proxy.stop("SIGTERM");
    await until(() => proxy.stdout().includes("shutting down"));
    await expect(fetch(`${proxy.url}/health`)).rejects.toThrow();
    const events = parseSse(await (await streaming).text());
    expect(streamedText(events)).toBe("one two three");
    expect(await exited).toBe(0);
    expect(existsSync(join(proxy.home, ".claude-code-router", `ccr-${proxy.port}.pid`))).toBe(false);
  });
});

describe("daemon, stop, validate, activate", () => {
  it("start --daemon returns once healthy; restart replaces it; stop ends it", async () => {
    const a = await fake();
    const home = mkdtempSync(join(tmpdir(), "ccr-daemon-"));
    const configPath = join(home, "config.json");
    writeFileSync(configPath, JSON.stringify(cascadeConfig({ a })));
    const started = await ccr(["start", "--daemon", "--config", configPath, "--port", "0"], { HOME: home });
    expect(started.code).toBe(0);
    const url = /on (http:\/\/\S+)/.exec(started.stdout)![1]!;
    expect((await fetch(`${url}/health`)).status).toBe(200);
    let pid = recordedPid(home);
    try {
      const again = await ccr(["start", "--daemon", "--config", configPath, "--port", "0"], { HOME: home });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("already running");
      const restarted = await ccr(["restart", "--config", configPath, "--port", "0"], { HOME: home });
      expect(restarted.code).toBe(0);
      expect(() => process.kill(pid, 0)).toThrow();
      pid = recordedPid(home);
      const stopped = await ccr(["stop"], { HOME: home });
      expect(stopped.code).toBe(0);
      expect(() => process.kill(pid, 0)).toThrow();
      expect((await ccr(["stop"], { HOME: home })).code).toBe(1);
    } finally {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Already stopped.
      }
    }
  });

  it("validate exits 0 on a valid config and 1 on an invalid one", async () => {
    const a = await fake();
    const dir = mkdtempSync(join(tmpdir(), "ccr-validate-"));
    const good = join(dir, "good.json");
    const bad = join(dir, "bad.json");
    writeFileSync(good, JSON.stringify(cascadeConfig({ a })));
    writeFileSync(bad, JSON.stringify({ Providers: [], Router: {} }));
    const valid = await ccr(["validate", "--config", good], { HOME: dir });
    expect(valid.code).toBe(0);
    expect(valid.stdout).not.toContain("key-a");
    expect((await ccr(["validate", "--config", bad], { HOME: dir })).code).toBe(1);
  });

  it("activate prints export lines for the configured address", async () => {
    const a = await fake();
    const dir = mkdtempSync(join(tmpdir(), "ccr-activate-"));
    const configPath = join(dir, "config.json");
    writeFileSync(configPath, JSON.stringify({ ...cascadeConfig({ a }), PORT: 4567, APIKEY: "k" }));
    const result = await ccr(["activate", "--config", configPath], { HOME: dir });
    expect(result.stdout).toContain("export ANTHROPIC_BASE_URL='http://127.0.0.1:4567'");
    expect(result.stdout).toContain("export ANTHROPIC_API_KEY='k'");
  });

  it("has --help on every command", async () => {
    const commands = [
      "start",
      "stop",
      "restart",
      "status",
      "validate",
      "code",
      "activate",
      "dashboard",
      "demo",
      "init",
      "statusline",
    ];
    const results = await Promise.all(
      commands.map((command) => ccr([command, command === "code" ? "--ccr-help" : "--help"])),
    );
    results.forEach((result, index) => {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: ccr ${commands[index]}`);
    });
  });

  it("status reports the running proxy from its pid file", async () => {
    const a = await fake();
    const proxy = await proxyWith(cascadeConfig({ a }));
    const result = await ccr(["status", "--json"], { HOME: proxy.home, CCR_CONFIG: proxy.configPath });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ running: true, pid: proxy.pid, url: proxy.url });
  });

  it("code runs claude against the proxy and exits with its code", async () => {
    const a = await fake();
    const home = mkdtempSync(join(tmpdir(), "ccr-code-"));
    const configPath = join(home, "config.json");
    writeFileSync(configPath, JSON.stringify({ ...cascadeConfig({ a }), PORT: 0 }));
    // A stand-in for claude that prints what it was given and exits 3.
    const fakeClaude = join(home, "fake-claude.mjs");
    writeFileSync(
      fakeClaude,
      "#!/usr/bin/env node\nconsole.log(JSON.stringify({ base: process.env.ANTHROPIC_BASE_URL, key: process.env.ANTHROPIC_API_KEY, args: process.argv.slice(2) }));\nprocess.exit(3);\n",
      { mode: 0o755 },
    );
    const child = spawn(process.execPath, [cli, "code", "-p", "hello"], {
      env: { ...process.env, HOME: home, CCR_CONFIG: configPath, CCR_CLAUDE_BIN: fakeClaude },
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    const pid = recordedPid(home);
    try {
      expect(code).toBe(3);
      const seen = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
        base: string;
        key: string;
        args: string[];
      };
      expect(seen.args).toEqual(["-p", "hello"]);
      expect(seen.key).toBe("ccr");
      expect((await fetch(`${seen.base}/health`)).status).toBe(200);
    } finally {
      process.kill(pid, "SIGTERM");
    }
  });
});

describe("routing extensions", () => {
  it("loads CUSTOM_ROUTER_PATH and routes with it", async () => {
    const a = await fake(() => openaiText("from a"));
    const b = await fake(() => openaiText("from b"));
    const dir = mkdtempSync(join(tmpdir(), "ccr-custom-router-"));
    const routerPath = join(dir, "router.cjs");
    writeFileSync(routerPath, "module.exports = async (req) => (req.model === 'to-b' ? 'b,b-model' : null);");
    const proxy = await proxyWith(cascadeConfig({ a, b }, {}, { CUSTOM_ROUTER_PATH: routerPath }));
    const routed = await postMessages(proxy.url, userRequest("hi", { model: "to-b" }));
    expect(routed.headers.get("x-ccr-tier")).toBe("b,b-model");
    expect((await postMessages(proxy.url, userRequest())).headers.get("x-ccr-tier")).toBe("a,a-model");
  });

  it("applies a preset and answers 404 for an unknown one", async () => {
    const a = await fake(() => openaiText("from a"));
    const b = await fake(() => openaiText("from b"));
    const proxy = await proxyWith(cascadeConfig({ a, b }, {}, { Presets: { fast: { route: "b,b-model" } } }));
    const preset = await fetch(`${proxy.url}/preset/fast/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(userRequest()),
    });
    expect(preset.headers.get("x-ccr-tier")).toBe("b,b-model");
    const unknown = await fetch(`${proxy.url}/preset/nope/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(userRequest()),
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: "error", error: { type: "not_found_error" } });
  });
});
