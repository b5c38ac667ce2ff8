import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createMetrics, type Metrics, type TierLabels } from "@ccr/metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The built dashboard in a real terminal: tmux runs `ccr-dashboard` at 80×24 (and from a shell at
 * 60×15) against a small stats server whose numbers change, and the screen is read back with
 * `tmux capture-pane`.
 * Set CCR_DASHBOARD_CAPTURE=<file> to save the captured screen (docs/dashboard-capture.txt).
 *
 * Every step waits for what it expects on the screen, with room for a machine ten times slower
 * than a laptop (CI runs every package's tests at once on two cores).
 */

const PACKAGE = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(PACKAGE, "dist", "cli.js");
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
if (!hasTmux)
  console.warn("skipping the real-terminal dashboard check: tmux is not installed (apt-get install -y tmux)");

/** How long one expected screen may take to appear. */
const SCREEN_TIMEOUT = 40_000;

/** The newest modification time of the sources the CLI is built from (tests and fixtures aside). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith("__")) newest = Math.max(newest, newestSource(path));
    } else if (!/\.test\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** CI builds before testing; elsewhere a missing or stale build is rebuilt, so the check is of this code. */
function ensureBuilt(): void {
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newestSource(join(PACKAGE, "src"))) return;
  const build = spawnSync("pnpm", ["run", "build"], { cwd: PACKAGE, encoding: "utf8" });
  if (build.status !== 0 || !existsSync(CLI)) {
    throw new Error(
      `building the dashboard failed (pnpm --filter @ccr/dashboard build):\n${build.stdout}${build.stderr}`,
    );
  }
}

/**
 * The environment of a person's terminal. With CI set, Ink draws nothing until the app exits and
 * colours are off, so the dashboard under test must not inherit it from the test run.
 */
function terminalEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["CI", "CONTINUOUS_INTEGRATION", "NO_COLOR", "FORCE_COLOR", "TMUX", "TMUX_PANE"])
    delete env[name];
  return env;
}

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

describe.runIf(hasTmux).sequential("dashboard in a real terminal (tmux)", { timeout: 120_000 }, () => {
  // A server of its own (-L) without the user's config (-f): nothing else on the machine can interfere.
  const tmuxServer = `ccr-dashboard-check-${process.pid}`;
  const session = "dashboard";
  let work: string | undefined;
  let socket: string | undefined;
  let statusFile = "";
  const tmux = (...args: string[]) =>
    execFileSync("tmux", ["-L", tmuxServer, "-f", "/dev/null", ...args], {
      encoding: "utf8",
      env: terminalEnv(),
    });
  // Ten minutes of history are played on a clock running behind, so the sparklines have a shape.
  let lag = 600_000;
  const now = () => Date.now() - lag;
  const metrics = createMetrics({
    now,
    prices: { "glm-4.6": { input: 0.6, output: 2.2 }, "deepseek-chat": { input: 0.27, output: 1.1 } },
  });
  metrics.setChain(CHAIN);
  let server: Server | undefined;
  let port = 0;
  const clients = new Set<ServerResponse>();
  let traffic: ReturnType<typeof setInterval> | undefined;
  let n = 0;

  beforeAll(async () => {
    ensureBuilt();
    work = mkdtempSync(join(tmpdir(), "ccr-dashboard-tmux-"));
    statusFile = join(work, "exit-status");
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
    const stats = createServer((req, res) => {
      if (req.url !== "/api/stats/stream") return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "text/event-stream" });
      clients.add(res);
      req.on("close", () => clients.delete(res));
    });
    server = stats;
    await new Promise<void>((resolve) => stats.listen(0, "127.0.0.1", resolve));
    port = (stats.address() as AddressInfo).port;
    // The pane stays after the dashboard exits, so a crash can be read. The exit status goes through
    // the shell to a file: under load tmux can miss the dashboard's exit for good (a zombie pane).
    // No status line: the dashboard gets all of the 80×24.
    tmux(
      "start-server",
      ";",
      "set-option",
      "-g",
      "default-shell",
      "/bin/sh",
      ";",
      "set-option",
      "-g",
      "remain-on-exit",
      "on",
      ";",
      "set-option",
      "-g",
      "status",
      "off",
      ";",
      "new-session",
      "-d",
      "-s",
      session,
      "-x",
      "80",
      "-y",
      "24",
      `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --port ${port}; echo $? > ${JSON.stringify(statusFile)}`,
    );
    socket = tmux("display-message", "-p", "#{socket_path}").trim();
  }, 240_000);

  afterAll(async () => {
    clearInterval(traffic);
    spawnSync("tmux", ["-L", tmuxServer, "kill-server"]);
    // tmux leaves its socket behind.
    if (socket) rmSync(socket, { force: true });
    if (work) rmSync(work, { recursive: true, force: true });
    for (const res of clients) res.end();
    if (server) {
      server.closeAllConnections();
      const stats = server;
      await new Promise((resolve) => stats.close(resolve));
    }
  }, 30_000);

  const capture = (flags: string[] = [], target = session) =>
    tmux("capture-pane", "-p", ...flags, "-t", target);
  /** How the dashboard ended ("exit 0"), undefined while it runs. */
  const ending = (): string | undefined => {
    const status = existsSync(statusFile) ? readFileSync(statusFile, "utf8").trim() : "";
    return status ? `exit ${status}` : undefined;
  };
  /** One key: the next one waits for this one's effect, since a burst would reach the app as one chunk. */
  const key = (name: string) => tmux("send-keys", "-t", session, name);
  /** Waits for a screen of `target` (the 80×24 session unless told) that matches `predicate`. */
  async function screenWith(
    predicate: (screen: string) => boolean,
    flags: string[] = [],
    target = session,
  ): Promise<string> {
    const deadline = Date.now() + SCREEN_TIMEOUT;
    let screen = "";
    while (Date.now() < deadline) {
      screen = capture(flags, target);
      if (predicate(screen)) return screen;
      const ended = target === session ? ending() : undefined;
      if (ended !== undefined) throw new Error(`the dashboard ended (${ended}):\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the screen never matched within ${SCREEN_TIMEOUT / 1000}s:\n${screen}`);
  }

  it("shows live tiers, states, sparklines, the log and drift within 80×24", async () => {
    const screen = await screenWith(
      (s) => s.includes("[live]") && s.includes("◐ cooling") && /req \d+/.test(s),
    );
    const lines = screen.replace(/\n+$/, "").split("\n");
    // The last row stays free: a frame as tall as the screen makes Ink clear it on every update.
    expect(lines.length).toBeLessThanOrEqual(23);
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
    key("j");
    await screenWith((s) => isHighlighted(s, "0  zai,glm-4.6"), ["-e"]);
    key("j");
    await screenWith((s) => isHighlighted(s, "1  deepseek"), ["-e"]);
    key("Enter");
    const detail = await screenWith((s) => s.includes("deepseek,deepseek-chat  · position 1"));
    expect(detail).toContain("esc/← back");
    key("Escape");
    await screenWith((s) => s.includes("recent fallbacks & failures"));
  });

  it("says when the proxy is gone, and comes back by itself", async () => {
    const stats = server as Server;
    const closed = new Promise((resolve) => stats.close(resolve));
    for (const res of clients) res.destroy();
    await closed;
    await screenWith((s) => s.includes("✗ proxy unreachable: connection refused"));
    await new Promise<void>((resolve) => stats.listen(port, "127.0.0.1", resolve));
    await screenWith((s) => s.includes("[live]"));
  });

  it("fits a 60×15 terminal, and leaves the shell prompt on a line of its own after q", async () => {
    // A shell with a prompt of its own in a small terminal, where the dashboard is typed as a person would.
    const small = "small";
    const prompt = "ccr-test$";
    tmux("new-session", "-d", "-s", small, "-x", "60", "-y", "15", `env PS1='${prompt} ' /bin/sh`);
    await screenWith((s) => s.startsWith(prompt), [], small);
    tmux(
      "send-keys",
      "-t",
      small,
      `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --port ${port}`,
      "Enter",
    );
    const screen = await screenWith((s) => s.includes("[live]") && /^0 +zai,glm-4\.6 /m.test(s), [], small);
    const lines = screen.replace(/\n+$/, "").split("\n");
    expect(lines.length).toBeLessThanOrEqual(15);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
    // The header on the top row (the typed command scrolled away, nothing else), then the tiers.
    expect(lines[0]).toMatch(new RegExp(`^CCR 127\\.0\\.0\\.1:${port} +up \\S+ \\[live\\]`));
    expect(lines[2]).toMatch(/^# +tier +state/);
    expect(lines[3]).toMatch(/^0 +zai,glm-4\.6 /);
    expect(screen).toMatch(/^2 +minimax,MiniMax-M2 /m);
    expect(screen).toContain("drift: CCR's");
    tmux("send-keys", "-t", small, "q");
    const after = await screenWith((s) => s.trimEnd().endsWith(prompt), [], small);
    const rows = after.trimEnd().split("\n");
    // The last frame stays; the prompt starts the next line, the cursor after it and visible again.
    expect(rows.at(-1)).toBe(prompt);
    expect(rows.at(-2)).toContain("q/esc quit");
    expect(rows[0]).toMatch(/^CCR 127\.0\.0\.1:/);
    const cursor = tmux("display-message", "-p", "-t", small, "#{cursor_flag} #{cursor_x}").trim();
    expect(cursor).toBe(`1 ${prompt.length + 1}`);
  });

  it("quits on q", async () => {
    key("q");
    const deadline = Date.now() + SCREEN_TIMEOUT;
    while (ending() === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ending()).toBe("exit 0");
  });
});
