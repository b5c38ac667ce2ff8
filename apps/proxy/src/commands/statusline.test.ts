import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMetrics, type Metrics, type TierLabels } from "@ccr/metrics";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStatsRoutes } from "../routes/stats-routes.js";
import type { CommandIo } from "./command-io.js";
import { statuslineCommand } from "./statusline.js";

const A: TierLabels = { tier: "zai,glm-4.6", provider: "zai", model: "glm-4.6" };
const B: TierLabels = { tier: "deepseek,deepseek-chat", provider: "deepseek", model: "deepseek-chat" };

let home: string;
let server: ServerType | undefined;
let metrics: Metrics;
let n = 0;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "ccr-statusline-"));
  metrics = createMetrics({ prices: { "deepseek-chat": { input: 1, output: 2 } } });
  metrics.setChain([A, B]);
});

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  rmSync(home, { recursive: true, force: true });
});

function answer(tier: TierLabels) {
  const requestId = `r${n++}`;
  metrics.attemptEnd({ ...tier, requestId, scenario: "default", attempt: 0, ok: true, durationMs: 100 });
  metrics.requestEnd({
    requestId,
    scenario: "default",
    stream: false,
    tier,
    outcome: "ok",
    status: 200,
    durationMs: 100,
    attempts: 1,
    usage: { inputTokens: 1_000_000, outputTokens: 500_000, cacheReadTokens: 0, cacheCreationTokens: 0 },
    estimatedInputTokens: 1_000_000,
  });
}

async function startFakeProxy(apiKey?: string): Promise<number> {
  const app = new Hono();
  app.use("*", async (c, next) => {
    if (apiKey !== undefined && c.req.header("x-api-key") !== apiKey) return c.json({ error: "no" }, 401);
    await next();
  });
  const startedAt = Date.now();
  app.route(
    "/",
    createStatsRoutes({
      metrics,
      getInfo: () => ({ version: "9", startedAt, host: "127.0.0.1", port: 0, pid: 1 }),
    }),
  );
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(s));
  });
  return (server.address() as AddressInfo).port;
}

async function line(options: Parameters<typeof statuslineCommand>[0], env: Record<string, string> = {}) {
  let out = "";
  const io: CommandIo = {
    stdout: (text) => {
      out += text;
    },
    stderr: () => {},
    env: { HOME: home, NO_COLOR: "1", ...env },
  };
  const code = await statuslineCommand(options, io);
  return { code, out };
}

const CLAUDE = JSON.stringify({
  session_id: "s1",
  model: { id: "claude-sonnet-4-5", display_name: "Sonnet 4.5" },
  workspace: { current_dir: "/tmp" },
  cost: { total_cost_usd: 0.5 },
  context_window: { total_input_tokens: 15_234, total_output_tokens: 4_521 },
});

describe("ccr statusline", () => {
  it("prints the tier that answered last, the model, the session's tokens, the cost and cooling tiers", async () => {
    const port = await startFakeProxy();
    answer(A);
    expect((await line({ port, input: CLAUDE })).out).toBe(
      "CCR ▸ zai,glm-4.6 · Sonnet 4.5 · 15.2k in / 4.5k out · $0.00 proxy\n",
    );
    metrics.cooldown({ ...A, until: Date.now() + 30_000, reason: "rate_limited" });
    answer(B);
    const { code, out } = await line({ port, input: CLAUDE, now: Date.now() });
    expect(code).toBe(0);
    expect(out).toMatch(
      /^CCR ▸ deepseek,deepseek-chat · Sonnet 4\.5 · 15\.2k in \/ 4\.5k out · \$2\.00 proxy · zai,glm-4\.6 cooling (29|30)s\n$/,
    );
    // Nothing new answered: the last one stays.
    expect((await line({ port, input: CLAUDE })).out).toContain("CCR ▸ deepseek,deepseek-chat ·");
  });

  it("falls back to the proxy's tokens without Claude Code's, and sends the config's APIKEY", async () => {
    const port = await startFakeProxy("s3cret");
    answer(A);
    const config = join(home, "config.json");
    writeFileSync(config, JSON.stringify({ PORT: port, APIKEY: "$KEY", Providers: [{ api_key: "$UNSET" }] }));
    const { out } = await line({ config, input: "" }, { KEY: "s3cret" });
    expect(out).toBe("CCR ▸ zai,glm-4.6 · 1.0M in / 500.0k out (proxy) · $0.00 proxy\n");
  });

  it("prints a short line and exits 0 when the proxy does not answer", async () => {
    const port = await startFakeProxy();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    mkdirSync(join(home, ".claude-code-router"), { recursive: true });
    const started = Date.now();
    const { code, out } = await line({ port, input: CLAUDE, timeoutMs: 300 });
    expect(code).toBe(0);
    expect(out).toBe(`CCR ✗ not answering at 127.0.0.1:${port} · Sonnet 4.5\n`);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
