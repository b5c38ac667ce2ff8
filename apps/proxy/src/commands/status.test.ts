import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMetrics, type TierHealthInput, type TierLabels } from "@ccr/metrics";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStatsRoutes } from "../routes/stats-routes.js";
import { writePidFile } from "../runtime/pid-file.js";
import type { CommandIo } from "./command-io.js";
import { type StatusReport, statusCommand } from "./status.js";

const ZAI: TierLabels = { tier: "zai,glm-4.6", provider: "zai", model: "glm-4.6" };
const DEEPSEEK: TierLabels = { tier: "deepseek,deepseek-chat", provider: "deepseek", model: "deepseek-chat" };
const MINIMAX: TierLabels = { tier: "minimax,MiniMax-M2", provider: "minimax", model: "MiniMax-M2" };

let home: string;
let server: ServerType | undefined;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "ccr-status-"));
});

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  rmSync(home, { recursive: true, force: true });
});

/** A stand-in for the proxy: /health and the stats routes, with APIKEY auth when given. */
async function startFakeProxy(
  apiKey?: string,
  tierStates?: () => Promise<TierHealthInput[]>,
): Promise<number> {
  const metrics = createMetrics();
  metrics.setChain([ZAI, DEEPSEEK, MINIMAX]);
  metrics.attemptEnd({
    ...ZAI,
    requestId: "r1",
    scenario: "default",
    attempt: 0,
    ok: false,
    reason: "rate_limited",
    status: 429,
    durationMs: 30,
  });
  metrics.cooldown({ ...ZAI, until: Date.now() + 60_000, reason: "rate_limited" });
  metrics.circuit({ ...MINIMAX, state: "open", until: Date.now() + 60_000 });
  metrics.attemptEnd({
    ...DEEPSEEK,
    requestId: "r1",
    scenario: "default",
    attempt: 0,
    ok: true,
    durationMs: 1500,
  });
  metrics.firstToken({ ...DEEPSEEK, requestId: "r1", scenario: "default", ttftMs: 420 });
  metrics.requestEnd({
    requestId: "r1",
    scenario: "default",
    stream: true,
    tier: DEEPSEEK,
    outcome: "ok",
    status: 200,
    durationMs: 1600,
    attempts: 2,
    usage: { inputTokens: 12_345, outputTokens: 678, cacheReadTokens: 0, cacheCreationTokens: 0 },
    estimatedInputTokens: 12_000,
  });
  const app = new Hono();
  app.get("/health", (c) => c.json({ status: "ok", version: "9.9.9", uptime_seconds: 3725 }));
  app.use("*", async (c, next) => {
    if (apiKey !== undefined && c.req.header("x-api-key") !== apiKey) return c.json({ error: "no" }, 401);
    await next();
  });
  let port = 0;
  app.route(
    "/",
    createStatsRoutes({
      metrics,
      ...(tierStates && { tierStates }),
      getInfo: () => ({
        version: "9.9.9",
        startedAt: Date.now() - 3_725_000,
        host: "127.0.0.1",
        port,
        pid: 777,
      }),
    }),
  );
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
  return port;
}

function writeConfig(port: number, apiKey?: string): string {
  const path = join(home, "config.json");
  writeFileSync(
    path,
    JSON.stringify({
      ...(apiKey !== undefined && { APIKEY: apiKey }),
      PORT: port,
      Providers: [
        { name: "zai", api_base_url: "https://api.z.ai/api/paas/v4", api_key: "k", models: ["glm-4.6"] },
      ],
      Router: { default: "zai,glm-4.6" },
    }),
  );
  return path;
}

function captureIo(): CommandIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    env: { HOME: home },
    out: () => out,
    err: () => err,
  };
}

function clock(epochMs: number): string {
  const d = new Date(epochMs);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
}

describe("ccr status", () => {
  it("prints the proxy and a table of tiers with their state", async () => {
    const port = await startFakeProxy();
    const io = captureIo();
    expect(await statusCommand({ port }, io)).toBe(0);
    const lines = io.out().split("\n");
    expect(lines[0]).toBe(`CCR is running  pid 777  http://127.0.0.1:${port}  up 1h 02m  v9.9.9`);
    expect(lines[1]).toBe("requests 1  success 100.0%  active 0 (0 streaming)  tokens in 12.3k / out 678");
    expect(lines[3]).toMatch(/^#\s+TIER\s+STATE\s+OK\/FAILED\s+SUCCESS\s+EWMA\s+TTFT p50\s+TOKENS IN\/OUT$/);
    expect(lines[4]).toMatch(
      /^0\s+zai,glm-4\.6\s+cooling until \d\d:\d\d:\d\d \(rate_limited\)\s+0\/1\s+0\.0%\s+-\s+-\s+0\/0$/,
    );
    expect(lines[5]).toMatch(
      /^1\s+deepseek,deepseek-chat\s+healthy\s+1\/0\s+100\.0%\s+1\.50s\s+420ms\s+12\.3k\/678$/,
    );
    expect(lines[6]).toMatch(/^2\s+minimax,MiniMax-M2\s+circuit open until \d\d:\d\d:\d\d\s+0\/0\s+-/);
    expect(io.err()).toBe("");
  });

  it("lists each provider's key pool by key id: state, until, budgets, attempts", async () => {
    const until = Date.now() + 60_000;
    const port = await startFakeProxy(undefined, async () => [
      {
        tier: ZAI.tier,
        state: "healthy",
        keys: [
          { id: "zai#1", state: "cooling", until },
          { id: "zai#2", state: "ready", rpm: { used: 3, limit: 50 }, tpm: { used: 12_000, limit: 100_000 } },
          { id: "zai#3", state: "out", until },
        ],
      },
    ]);
    const io = captureIo();
    expect(await statusCommand({ port }, io)).toBe(0);
    expect(io.out()).toContain(
      `keys of zai: zai#1 cooling until ${clock(until)} 0/0  ·  zai#2 ready 3/50 rpm 12.0k/100.0k tpm 0/0  ·  zai#3 OUT (refused) until ${clock(until)} 0/0\n`,
    );
    const json = captureIo();
    expect(await statusCommand({ port, json: true }, json)).toBe(0);
    const report = JSON.parse(json.out()) as Extract<StatusReport, { running: true }>;
    expect(report.stats.tiers[0]?.keys?.map((key) => [key.id, key.state])).toEqual([
      ["zai#1", "cooling"],
      ["zai#2", "ready"],
      ["zai#3", "out"],
    ]);
  });

  it("prints JSON for scripts", async () => {
    const port = await startFakeProxy();
    const io = captureIo();
    expect(await statusCommand({ port, json: true }, io)).toBe(0);
    const report = JSON.parse(io.out()) as Extract<StatusReport, { running: true }>;
    expect(report).toMatchObject({
      running: true,
      url: `http://127.0.0.1:${port}`,
      pid: 777,
      version: "9.9.9",
      uptimeSeconds: 3725,
    });
    expect(report.stats.tiers.map((t) => t.state)).toEqual(["cooling", "healthy", "open"]);
    expect(clock(report.stats.tiers[0]?.until as number)).toMatch(/^\d\d:\d\d:\d\d$/);
    // Compact by default: the per-second series (600 points each) only with --series.
    expect(report.stats).not.toHaveProperty("series");
    expect(io.out().length).toBeLessThan(6000);
    const withSeries = captureIo();
    expect(await statusCommand({ port, json: true, series: true }, withSeries)).toBe(0);
    const full = JSON.parse(withSeries.out()) as Extract<StatusReport, { running: true }>;
    expect(full.stats.series?.requests.length).toBeGreaterThan(100);
  });

  it("exits 1 with one line when nothing answers", async () => {
    const port = await startFakeProxy();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const io = captureIo();
    expect(await statusCommand({ port }, io)).toBe(1);
    expect(io.err()).toBe(
      `CCR is not running (nothing answers at http://127.0.0.1:${port}); start it with: ccr start\n`,
    );
    expect(io.out()).toBe("");
    const json = captureIo();
    expect(await statusCommand({ port, json: true }, json)).toBe(1);
    expect(JSON.parse(json.out())).toMatchObject({ running: false, url: `http://127.0.0.1:${port}` });
  });

  it("finds the proxy through the config and sends its APIKEY", async () => {
    const port = await startFakeProxy("s3cret");
    const io = captureIo();
    expect(await statusCommand({ config: writeConfig(port, "s3cret") }, io)).toBe(0);
    expect(io.out()).toContain("CCR is running");
    expect(io.out()).not.toContain("s3cret");
  });

  it("says so when the proxy refuses the stats for want of the key", async () => {
    const port = await startFakeProxy("s3cret");
    const io = captureIo();
    expect(await statusCommand({ config: writeConfig(port) }, io)).toBe(1);
    expect(io.err()).toMatch(/refused the stats request \(HTTP 401\)/);
  });

  it("uses the address and pid of the running proxy from the pid file", async () => {
    const port = await startFakeProxy();
    writePidFile(
      { pid: process.pid, host: "127.0.0.1", port, startedAt: Date.now(), version: "9.9.9" },
      join(home, ".claude-code-router", `ccr-${port}.pid`),
    );
    const io = captureIo();
    expect(await statusCommand({}, io)).toBe(0);
    expect(io.out().split("\n")[0]).toContain(`pid ${process.pid}  http://127.0.0.1:${port}`);
  });
});
