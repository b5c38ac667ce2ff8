import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type FakeOpenAI, openaiText, type RunningProxy, startFakeOpenAI, startProxy } from "@ccr/testkit";
import { afterEach, describe, expect, it } from "vitest";
import {
  ccr,
  fakeClaudeSaw,
  freePort,
  isAlive,
  spawnCcr,
  tempHome,
  until,
  writeFakeClaude,
} from "./cli-support.js";
import { cascadeConfig } from "./support.js";

let proxies: RunningProxy[] = [];
let fakes: FakeOpenAI[] = [];
const pids: number[] = [];
afterEach(async () => {
  await Promise.all(proxies.map((proxy) => proxy.stop("SIGKILL")));
  proxies = [];
  await Promise.all(fakes.map((fake) => fake.close()));
  fakes = [];
  for (const pid of pids.splice(0)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already stopped.
    }
  }
});

async function fake() {
  const started = await startFakeOpenAI(() => openaiText("ok"));
  fakes.push(started);
  return started;
}

/** A config whose provider key and APIKEY are `$VARS`: the proxy has them, the client shell does not. */
async function proxyWithSecrets(port: number) {
  const a = await fake();
  const config = { ...cascadeConfig({ a }), PORT: port, APIKEY: "$CCR_PROXY_KEY" };
  config.Providers[0]!.api_key = "$MOCK_KEY";
  const proxy = await startProxy({
    config,
    args: ["--port", String(port)],
    env: { MOCK_KEY: "provider-secret", CCR_PROXY_KEY: "proxy-secret" },
  });
  proxies.push(proxy);
  return proxy;
}

describe("client commands read only HOST, PORT and APIKEY", () => {
  it("code --help, activate, status and code run without the provider keys exported", async () => {
    const proxy = await proxyWithSecrets(await freePort());
    const fakeClaude = writeFakeClaude(proxy.home);
    const shell = { HOME: proxy.home, CCR_CONFIG: proxy.configPath, CCR_CLAUDE_BIN: fakeClaude };

    const help = await ccr(["code", "--help"], shell);
    expect(help.code).toBe(3);
    expect(help.stderr).not.toContain("MOCK_KEY");
    expect(fakeClaudeSaw(help.stdout).args).toEqual(["--help"]);

    const activate = await ccr(["activate"], { ...shell, CCR_PROXY_KEY: "proxy-secret" });
    expect(activate.code).toBe(0);
    expect(activate.stdout).toContain(`export ANTHROPIC_BASE_URL='${proxy.url}'`);
    expect(activate.stdout).toContain("export ANTHROPIC_API_KEY='proxy-secret'");
    expect(activate.stderr).toContain(`# CCR at ${proxy.url}, from the proxy running`);

    // APIKEY itself unset in this shell: said, not fatal.
    const noKey = await ccr(["activate"], shell);
    expect(noKey.code).toBe(0);
    expect(noKey.stderr).toContain("$CCR_PROXY_KEY, not set in this shell");

    const status = await ccr(["status", "--json"], { ...shell, CCR_PROXY_KEY: "proxy-secret" });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      running: true,
      pid: proxy.pid,
      configPath: proxy.configPath,
    });

    const code = await ccr(["code", "-p", "hello"], { ...shell, CCR_PROXY_KEY: "proxy-secret" });
    expect(code.code).toBe(3);
    const saw = fakeClaudeSaw(code.stdout);
    expect(saw).toMatchObject({
      base: proxy.url,
      key: "proxy-secret",
      args: ["-p", "hello"],
      tier: "a,a-model",
    });
  });

  it("status, code and stop agree by asking the proxy when its pid file is gone", async () => {
    const port = await freePort();
    const proxy = await proxyWithSecrets(port);
    rmSync(join(proxy.home, ".claude-code-router", `ccr-${port}.pid`));
    const shell = {
      HOME: proxy.home,
      CCR_CONFIG: proxy.configPath,
      CCR_PROXY_KEY: "proxy-secret",
      CCR_CLAUDE_BIN: writeFakeClaude(proxy.home),
    };
    const status = await ccr(["status", "--json"], shell);
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true, pid: proxy.pid });
    const code = await ccr(["code"], shell);
    expect(fakeClaudeSaw(code.stdout).base).toBe(proxy.url);
    expect(code.stderr).not.toContain("started in the background");
    const stop = await ccr(["stop"], shell);
    expect(stop.stdout).toContain(`CCR stopped (pid ${proxy.pid}, port ${port})`);
    await until(() => proxy.process.exitCode !== null);
    expect(proxy.process.exitCode).toBe(0);
    expect((await ccr(["status"], shell)).code).toBe(1);
  });

  it("runs several proxies from one HOME, each on its port, and checks a config before refusing", async () => {
    const a = await fake();
    const home = tempHome();
    const [portA, portB] = [await freePort(), await freePort()];
    const configA = join(home, "a.json");
    const configB = join(home, "b.json");
    const broken = join(home, "broken.json");
    writeFileSync(configA, JSON.stringify({ ...cascadeConfig({ a }), PORT: portA }));
    writeFileSync(configB, JSON.stringify(cascadeConfig({ a })));
    writeFileSync(broken, JSON.stringify({ Providers: [], Router: { default: "x,y" } }));
    const env = { HOME: home };

    const first = await ccr(["start", "--daemon", "--config", configA], env);
    expect(first.code).toBe(0);
    const second = await ccr(["start", "--daemon", "--config", configB, "--port", String(portB)], env);
    expect(second.code).toBe(0);
    const [statusA, statusB] = await Promise.all([
      ccr(["status", "--json", "--port", String(portA)], env),
      ccr(["status", "--json", "--port", String(portB)], env),
    ]);
    const reportA = JSON.parse(statusA.stdout);
    const reportB = JSON.parse(statusB.stdout);
    pids.push(reportA.pid, reportB.pid);
    expect(reportA.configPath).toBe(configA);
    expect(reportB.configPath).toBe(configB);

    // Without --port and with no config naming either, which one is ambiguous.
    const ambiguous = await ccr(["status"], env);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain("several CCR proxies are running");
    expect(ambiguous.stderr).toContain("Pass --port");

    // The same port again: refused, but only after the config was checked.
    const invalid = await ccr(["start", "--config", broken, "--port", String(portA)], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("Router.default");
    const taken = await ccr(["start", "--config", configB, "--port", String(portA)], env);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(`CCR is already running on port ${portA}`);

    const stopped = await ccr(["stop", "--port", String(portB)], env);
    expect(stopped.code).toBe(0);
    await until(() => !isAlive(reportB.pid));
    expect((await ccr(["status", "--port", String(portA)], env)).code).toBe(0);
    expect((await ccr(["stop", "--config", configA], env)).code).toBe(0);
    await until(() => !isAlive(reportA.pid));
  });
});

describe("ccr start", () => {
  it("warns at start when a tier's upstream refuses connections, and serves anyway", async () => {
    const a = await fake();
    const closed = await freePort();
    const config = {
      ...cascadeConfig({ a }),
      Providers: [
        { name: "a", api_base_url: a.chatCompletionsUrl, api_key: "k", models: ["a-model"] },
        { name: "down", api_base_url: `http://127.0.0.1:${closed}/v1`, api_key: "k", models: ["m"] },
      ],
      Router: { default: "a,a-model", tiers: ["a,a-model", "down,m"] },
    };
    const proxy = await startProxy({ config });
    proxies.push(proxy);
    await until(() => proxy.stdout().includes("refused the connection"));
    const warning = proxy
      .stdout()
      .split("\n")
      .find((line) => line.includes("refused the connection"))!;
    expect(JSON.parse(warning)).toMatchObject({
      level: 40,
      code: "ECONNREFUSED",
      upstream: `127.0.0.1:${closed}`,
    });
    expect((await fetch(`${proxy.url}/health`)).status).toBe(200);
  });

  it("logs JSON lines when stdout is not a terminal, with the banner whole between them", async () => {
    const a = await fake();
    const home = tempHome();
    const configPath = join(home, "config.json");
    writeFileSync(configPath, JSON.stringify({ ...cascadeConfig({ a }), LOG_LEVEL: "info" }));
    const run = spawnCcr(["start", "--config", configPath, "--port", "0", "--no-probe"], { HOME: home });
    try {
      await run.waitFor(/Use it:[\s\S]*status/);
      const lines = run.stdout().trimEnd().split("\n");
      const human = lines.flatMap((line, index) => (line.startsWith("{") ? [] : [index]));
      // The banner is one block: its first line is the address, and no log line lands inside it.
      expect(lines[human[0]!]).toContain("listening on http");
      expect(human.at(-1)! - human[0]! + 1).toBe(human.length);
      for (const line of lines.filter((_, index) => !human.includes(index))) {
        expect(() => JSON.parse(line)).not.toThrow();
      }
      expect(lines.some((line) => line.startsWith('{"level":30') && line.includes('"msg":"listening"'))).toBe(
        true,
      );
    } finally {
      run.child.kill("SIGTERM");
      await run.exited;
    }
  });
});
