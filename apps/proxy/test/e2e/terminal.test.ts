import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, tempHome, until } from "./cli-support.js";

/**
 * The CLI in a real terminal: tmux runs it, keys go in with send-keys and the screen comes back with
 * capture-pane (as apps/dashboard/test/dashboard-tmux.test.ts does). Skipped when tmux is missing.
 */

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
if (!hasTmux)
  console.warn("skipping the CLI's real-terminal checks: tmux is not installed (apt-get install -y tmux)");

const SCREEN_TIMEOUT = 40_000;
const server = `ccr-cli-check-${process.pid}`;
const tmux = (...args: string[]) =>
  execFileSync("tmux", ["-L", server, "-f", "/dev/null", ...args], { encoding: "utf8", env: terminalEnv() });

/** A person's terminal: no CI (Ink would draw nothing until exit), no colour overrides. */
function terminalEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of [
    "CI",
    "CONTINUOUS_INTEGRATION",
    "NO_COLOR",
    "FORCE_COLOR",
    "TMUX",
    "TMUX_PANE",
    "CCR_CONFIG",
    "CCR_LOG_FORMAT",
  ]) {
    delete env[name];
  }
  return env;
}

let sessions = 0;
/** Runs `command` in a new tmux window of the given size; the pane stays after it exits; its exit status goes to a file. */
function open(command: string, home: string, size = { x: 100, y: 32 }) {
  const session = `s${sessions++}`;
  const statusFile = join(home, `exit-${session}`);
  // One invocation: a tmux server with no session exits, options and all, so they go with each session.
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
    String(size.x),
    "-y",
    String(size.y),
    `${command}; echo $? > ${JSON.stringify(statusFile)}`,
  );
  const capture = () => tmux("capture-pane", "-p", "-J", "-t", session);
  const ended = () =>
    existsSync(statusFile) ? readFileSync(statusFile, "utf8").trim() || undefined : undefined;
  return {
    key: (...keys: string[]) => tmux("send-keys", "-t", session, ...keys),
    capture,
    ended,
    async screenWith(predicate: (screen: string) => boolean): Promise<string> {
      const deadline = Date.now() + SCREEN_TIMEOUT;
      let screen = "";
      while (Date.now() < deadline) {
        screen = capture();
        if (predicate(screen)) return screen;
        if (ended() !== undefined) throw new Error(`it ended (exit ${ended()}):\n${screen}`);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      throw new Error(`the screen never matched within ${SCREEN_TIMEOUT / 1000}s:\n${screen}`);
    },
    async exitStatus(): Promise<string> {
      const deadline = Date.now() + SCREEN_TIMEOUT;
      while (Date.now() < deadline) {
        const status = ended();
        if (status !== undefined) return status;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`still running:\n${capture()}`);
    },
  };
}

const node = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}`;

describe.runIf(hasTmux).sequential("the CLI in a real terminal (tmux)", { timeout: 150_000 }, () => {
  const homes: string[] = [];
  afterAll(() => {
    const socket = spawnSync("tmux", ["-L", server, "display-message", "-p", "#{socket_path}"], {
      encoding: "utf8",
    }).stdout.trim();
    spawnSync("tmux", ["-L", server, "kill-server"]);
    if (socket) rmSync(socket, { force: true });
    for (const home of homes) rmSync(home, { recursive: true, force: true });
  });
  const home = () => {
    const dir = tempHome("ccr-tmux-");
    homes.push(dir);
    return dir;
  };

  it("ccr demo opens the dashboard on its two tiers, feeds it requests that cascade, and q stops it", async () => {
    const dir = home();
    const demo = open(`HOME=${JSON.stringify(dir)} ${node} demo --port 0`, dir);
    const screen = await demo.screenWith(
      (s) => s.includes("demo-backup,steady") && /rate_limited|cooling/.test(s),
    );
    expect(screen).toContain("demo-primary,fast");
    expect(screen).not.toContain('{"level"');
    demo.key("q");
    expect(await demo.exitStatus()).toBe("0");
    expect(demo.capture()).toContain("CCR demo stopped.");
  });

  it("ccr init asks for providers, models, the tier order and the status line, then writes and checks the config", async () => {
    const dir = home();
    const init = open(`HOME=${JSON.stringify(dir)} DEEPSEEK_API_KEY=set ${node} init`, dir);
    await init.screenWith((s) => s.includes("Which providers?"));
    // DeepSeek's key is set, so it is picked already; pick Ollama too (seventh in the list).
    for (let step = 0; step < 6; step += 1) init.key("Down");
    await init.screenWith((s) => /❯|>|●|◻|◼/.test(s));
    init.key("Space");
    await init.screenWith((s) => /[◼●■] Ollama/.test(s) || /\[x\] Ollama/i.test(s));
    init.key("Enter");
    await init.screenWith((s) => s.includes("DeepSeek: which model"));
    init.key("Enter");
    await init.screenWith((s) => s.includes("Ollama (local): which model"));
    init.key("Enter");
    await init.screenWith((s) => s.includes("Tier 0: tried first"));
    init.key("Down");
    init.key("Enter");
    await init.screenWith((s) => s.includes("status line?"));
    init.key("Enter");
    await init.screenWith((s) => s.includes("Config is valid."));
    expect(await init.exitStatus()).toBe("0");
    const config = readFileSync(join(dir, ".claude-code-router", "config.json"), "utf8");
    expect(config).toMatch(/"tiers": \["ollama,[^"]+", "deepseek,deepseek-v4-flash"\]/);
    const settings = JSON.parse(readFileSync(join(dir, ".claude", "settings.json"), "utf8"));
    expect(settings.statusLine.command).toMatch(/cli\.js statusline$/);
  });

  it("ccr start prints pretty log lines on a terminal", async () => {
    const dir = home();
    const configPath = join(dir, "config.json");
    writeFileSync(
      configPath,
      JSON.stringify({
        Providers: [{ name: "local", api_base_url: "http://127.0.0.1:9/v1", models: ["m"] }],
        Router: { default: "local,m" },
      }),
    );
    const start = open(
      `HOME=${JSON.stringify(dir)} ${node} start --config ${JSON.stringify(configPath)} --port 0`,
      dir,
      {
        x: 160,
        y: 40,
      },
    );
    const screen = await start.screenWith((s) => s.includes("refused the connection"));
    expect(screen).toMatch(/\[\d\d:\d\d:\d\d\] INFO: listening/);
    expect(screen).toMatch(/\[\d\d:\d\d:\d\d\] WARN: local at 127\.0\.0\.1:9 refused the connection/);
    expect(screen).not.toContain('{"level"');
    // Ctrl-C also ends the shell around it, so the proof of a clean stop is on the screen and in the pid file.
    start.key("C-c");
    await start.screenWith((s) => s.includes("CCR stopped"));
    const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(screen)![1];
    await until(() => !existsSync(join(dir, ".claude-code-router", `ccr-${port}.pid`)));
  });
});
