import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createMetrics, type Metrics, type TierLabels } from "@ccr/metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The built dashboard in a real terminal: tmux runs `ccr-dashboard` at 80×24 against a small stats
 * server whose numbers change, and the screen is read back with `tmux capture-pane`.
 * Set CCR_DASHBOARD_CAPTURE=<file> to save the captured screen (docs/dashboard-capture.txt).
 */

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const hasBuild = existsSync(CLI);
const skipReason = !hasTmux
  ? "tmux is not installed (apt-get install -y tmux)"
  : !hasBuild
    ? "the dashboard is not built (pnpm --filter @ccr/dashboard build)"
    : undefined;
if (skipReason) console.warn(`skipping the real-terminal dashboard check: ${skipReason}`);

const ZAI: TierLabels = { tier: "zai,glm-4.6", provider: "zai", model: "glm-4.6" };
const DEEPSEEK: TierLabels = { tier: "deepseek,deepseek-chat", provider: "deepseek", model: "deepseek-chat" };
const MINIMAX: TierLabels = { tier: "minimax,MiniMax-M2", provider: "minimax", model: "MiniMax-M2" };
const CHAIN = [ZAI, DEEPSEEK, MINIMAX];

/** One request as the router reports it; every fourth is rate-limited on zai and served by deepseek. */
function playRequest(metrics: Metrics, n: number, now: number): void {
  const requestId = `r${n}`;
  const scenario = n % 5 === 0 ? "background" : "default";
  metrics.requestStart({ requestId, scenario, stream: true, estimatedInputTokens: 1100, chain: CHAIN });
  let tier = ZAI;
  if (n % 4 === 3) {
    metrics.attemptEnd({
      ...ZAI,
      requestId,
      scenario,
      attempt: 0,
      ok: false,
      reason: "rate_limited",
      status: 429,
      durationMs: 60,
    });
    metrics.cooldown({ ...ZAI, until: now + 20_000, reason: "rate_limited" });
    metrics.fallback({ requestId, scenario, from: ZAI, to: DEEPSEEK, reason: "rate_limited" });
    tier = DEEPSEEK;
  }
  const latency = 400 + (n % 7) * 120;
  metrics.attemptEnd({ ...tier, requestId, scenario, attempt: 0, ok: true, durationMs: latency });
  metrics.firstToken({ ...tier, requestId, scenario, ttftMs: latency * 0.6 });
  metrics.streamStart({ ...tier, requestId });
  metrics.requestEnd({
    requestId,
    scenario,
    stream: true,
    tier,
    outcome: "ok",
    status: 200,
    durationMs: latency + 900,
    attempts: tier === ZAI ? 1 : 2,
    usage: { inputTokens: 1000, outputTokens: 40 + (n % 9) * 10, cacheReadTokens: 0, cacheCreationTokens: 0 },
    estimatedInputTokens: tier === ZAI ? 1050 : 1250,
    outputTokensPerSecond: 35 + (n % 5) * 4,
  });
}

/** SGR 7 (inverse on), alone or among other parameters; not 27 (inverse off). */
const INVERSE_ON = new RegExp(`${String.fromCharCode(27)}\\[(?:[0-9;]*;)?7m`);

/** Whether the line showing `text` is drawn in inverse video (the selected tier), in a `capture-pane -e` screen. */
function isHighlighted(screen: string, text: string): boolean {
  const line = screen.split("\n").find((l) => l.includes(text));
  return line !== undefined && INVERSE_ON.test(line.slice(0, line.indexOf(text)));
}

describe.skipIf(skipReason !== undefined)("dashboard in a real terminal (tmux)", { timeout: 30_000 }, () => {
  const session = `ccr-dashboard-check-${process.pid}`;
  // Ten minutes of history are played on a clock running behind, so the sparklines have a shape.
  let lag = 600_000;
  const now = () => Date.now() - lag;
  const metrics = createMetrics({
    now,
    prices: { "glm-4.6": { input: 0.6, output: 2.2 }, "deepseek-chat": { input: 0.27, output: 1.1 } },
  });
  metrics.setChain(CHAIN);
  let server: Server;
  let port = 0;
  const clients = new Set<ServerResponse>();
  let traffic: ReturnType<typeof setInterval>;
  let n = 0;

  beforeAll(async () => {
    metrics.attemptEnd({
      ...MINIMAX,
      requestId: "m",
      scenario: "default",
      attempt: 0,
      ok: false,
      reason: "connection",
      durationMs: 5,
    });
    metrics.circuit({ ...MINIMAX, state: "open", until: Date.now() + 120_000 });
    for (; lag > 0; lag -= 400) {
      const load = 1 + Math.sin((lag / 150_000) * Math.PI);
      if ((lag / 400) % 3 < load * 1.5) playRequest(metrics, n++, now());
    }
    lag = 0;
    traffic = setInterval(() => {
      playRequest(metrics, n++, now());
      const data = JSON.stringify({
        ...metrics.snapshot(),
        proxy: { version: "0.1.0", startedAt: 0, host: "127.0.0.1", port, pid: process.pid },
      });
      for (const res of clients) res.write(`event: stats\ndata: ${data}\n\n`);
    }, 250);
    server = createServer((req, res) => {
      if (req.url !== "/api/stats/stream") return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "text/event-stream" });
      clients.add(res);
      req.on("close", () => clients.delete(res));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    execFileSync("tmux", [
      "-u",
      "new-session",
      "-d",
      "-s",
      session,
      "-x",
      "80",
      "-y",
      "24",
      `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --port ${port}`,
    ]);
  });

  afterAll(async () => {
    clearInterval(traffic);
    spawnSync("tmux", ["kill-session", "-t", session]);
    for (const res of clients) res.end();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  const capture = (flags: string[] = []) =>
    execFileSync("tmux", ["capture-pane", "-p", ...flags, "-t", session], { encoding: "utf8" });
  /** One key at a time, as a person types: a burst would reach the app as a single chunk of input. */
  async function keys(...k: string[]): Promise<void> {
    for (const key of k) {
      execFileSync("tmux", ["send-keys", "-t", session, key]);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  async function screenWith(
    predicate: (screen: string) => boolean,
    timeoutMs = 8000,
    flags: string[] = [],
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = "";
    while (Date.now() < deadline) {
      screen = capture(flags);
      if (predicate(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the screen never matched:\n${screen}`);
  }

  it("shows live tiers, states, sparklines, the log and drift within 80×24", async () => {
    const screen = await screenWith(
      (s) => s.includes("[live]") && s.includes("◐ cooling") && /req \d+/.test(s),
    );
    const lines = screen.replace(/\n+$/, "").split("\n");
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(screen).toContain(`CCR 127.0.0.1:${port}`);
    expect(screen).toMatch(/0 +zai,glm-4\.6 +◐ cooling \d+s/);
    expect(screen).toMatch(/2 +minimax,MiniMa… +○ open \d+m\d+s/);
    expect(screen).toMatch(/[▁▂▃▄▅▆▇█]/);
    expect(screen).toMatch(/zai,glm-4\.6 → deepseek,deep\S* rate_limited/);
    expect(screen).toContain("token drift");
    const first = screen.match(/req (\d+)/)?.[1];
    const later = await screenWith((s) => s.match(/req (\d+)/)?.[1] !== first);
    if (process.env.CCR_DASHBOARD_CAPTURE) writeFileSync(process.env.CCR_DASHBOARD_CAPTURE, later);
  });

  it("opens a tier's detail with the keyboard and goes back", async () => {
    await keys("j");
    await screenWith((s) => isHighlighted(s, "0  zai,glm-4.6"), 8000, ["-e"]);
    await keys("j");
    await screenWith((s) => isHighlighted(s, "1  deepseek"), 8000, ["-e"]);
    await keys("Enter");
    const detail = await screenWith((s) => s.includes("deepseek,deepseek-chat  · position 1"));
    expect(detail).toContain("esc/← back");
    await keys("Escape");
    await screenWith((s) => s.includes("recent fallbacks & failures"));
  });

  it("says when the proxy is gone, and comes back by itself", async () => {
    for (const res of clients) res.destroy();
    server.close();
    await screenWith((s) => s.includes("✗ proxy unreachable: connection refused"));
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    await screenWith((s) => s.includes("[live]"), 15_000);
  });

  it("quits on q", async () => {
    await keys("q");
    const deadline = Date.now() + 5000;
    while (spawnSync("tmux", ["has-session", "-t", session]).status === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(spawnSync("tmux", ["has-session", "-t", session]).status).not.toBe(0);
  });
});
