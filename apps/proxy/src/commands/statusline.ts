import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import type { StatsSnapshot } from "@ccr/metrics";
import { ccrHomeDir } from "../runtime/ccr-home.js";
import { installStatusLine } from "../runtime/claude-settings.js";
import { cliInvocation } from "../runtime/cli-invocation.js";
import { type CommandIo, processIo } from "./command-io.js";
import {
  authHeaders,
  type ProxyTarget,
  type ProxyTargetOptions,
  resolveProxyTarget,
} from "./proxy-target.js";

export interface StatuslineOptions extends ProxyTargetOptions {
  /** The JSON Claude Code writes on stdin; read from process.stdin when undefined. */
  input?: string;
  /** For the one stats request. Default 300 ms: Claude Code redraws often and waits for this line. */
  timeoutMs?: number;
  now?: number;
  /** Instead of printing the line: set it as Claude Code's status line command (`--install`). */
  install?: boolean;
  /** With install: replace a status line that is not CCR's. */
  force?: boolean;
}

/** The parts of Claude Code's status line input this uses (every field may be missing). */
interface ClaudeStatus {
  model?: { id?: string; display_name?: string };
  context_window?: { total_input_tokens?: number; total_output_tokens?: number };
}

/**
 * `ccr statusline`: the command Claude Code runs for its status line (`statusLine` in its settings). One
 * short line: the tier that answered last, the model, the session's tokens (from Claude Code), the proxy's
 * cost and any cooling or open tier. One local HTTP call with a short timeout, no provider config read,
 * and always exit 0: a status line that fails would blank Claude Code's.
 */
export async function statuslineCommand(
  options: StatuslineOptions = {},
  io: CommandIo = processIo,
): Promise<number> {
  if (options.install) return installCommand(options, io);
  const input = parseInput(options.input ?? (await readStdin()));
  const model = input.model?.display_name ?? input.model?.id;
  let target: ProxyTarget | undefined;
  try {
    target = resolveProxyTarget(options, io.env);
  } catch {
    target = undefined;
  }
  const stats = target ? await fetchStats(target, options.timeoutMs ?? 300) : undefined;
  const color = colors(io.env.NO_COLOR === undefined || io.env.NO_COLOR === "");
  if (!target || !stats) {
    const where = target ? ` at ${target.host}:${target.port}` : "";
    io.stdout(`${[`${color.red("CCR ✗")} not answering${where}`, model].filter(Boolean).join(" · ")}\n`);
    return 0;
  }
  const now = options.now ?? Date.now();
  const last = lastAnsweredTier(stats, join(ccrHomeDir(io.env), `statusline-${target.port}.json`));
  const session = input.context_window;
  const tokens =
    session?.total_input_tokens !== undefined && session.total_output_tokens !== undefined
      ? `${count(session.total_input_tokens)} in / ${count(session.total_output_tokens)} out`
      : `${count(stats.totals.tokens.input)} in / ${count(stats.totals.tokens.output)} out (proxy)`;
  const unwell = stats.tiers
    .filter((tier) => tier.state !== "healthy")
    .map((tier) => {
      const left = tier.until !== null ? ` ${Math.max(0, Math.ceil((tier.until - now) / 1000))}s` : "";
      const state = tier.state === "cooling" ? "cooling" : tier.state === "open" ? "open" : "probing";
      return color.yellow(`${tier.id} ${state}${left}`);
    });
  const parts = [
    `CCR ▸ ${last ?? "no answer yet"}`,
    model,
    tokens,
    `$${stats.totals.costUsd.toFixed(2)} proxy`,
    ...unwell,
  ];
  io.stdout(`${parts.filter(Boolean).join(" · ")}\n`);
  return 0;
}

function parseInput(text: string): ClaudeStatus {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null ? (value as ClaudeStatus) : {};
  } catch {
    return {};
  }
}

function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return Promise.resolve("");
  return new Promise((resolve) => {
    let text = "";
    // Claude Code writes the JSON and closes stdin at once; never wait long for a writer that does not.
    const timer = setTimeout(() => finish(), 200);
    const finish = () => {
      clearTimeout(timer);
      process.stdin.pause();
      resolve(text);
    };
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk: string) => {
      text += chunk;
    });
    process.stdin.once("end", finish);
    process.stdin.once("error", finish);
  });
}

/** `/api/stats` over node:http (loaded already, unlike fetch), or undefined on any failure. */
function fetchStats(target: ProxyTarget, timeoutMs: number): Promise<StatsSnapshot | undefined> {
  return new Promise((resolve) => {
    const req = request(
      `${target.url}/api/stats`,
      { headers: authHeaders(target), timeout: timeoutMs },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          resolve(undefined);
          return;
        }
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => {
          try {
            resolve(JSON.parse(body) as StatsSnapshot);
          } catch {
            resolve(undefined);
          }
        });
      },
    );
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(undefined));
    req.end();
  });
}

/**
 * The tier whose answer count grew since the previous status line (the stats have no "last answer" yet),
 * remembered in a small file per proxy port; before any growth was seen, the first healthy tier that has
 * answered at all.
 */
function lastAnsweredTier(stats: StatsSnapshot, memoryPath: string): string | undefined {
  let memory: { ok?: Record<string, number>; last?: string; startedAt?: number } = {};
  try {
    memory = JSON.parse(readFileSync(memoryPath, "utf8")) as typeof memory;
  } catch {
    // First run for this port.
  }
  // A restarted proxy counts from zero again: what was remembered says nothing about it.
  if (memory.startedAt !== stats.startedAt) memory = {};
  const ok = Object.fromEntries(stats.tiers.map((tier) => [tier.id, tier.requests.ok]));
  const grown = stats.tiers
    .map((tier) => ({ id: tier.id, by: tier.requests.ok - (memory.ok?.[tier.id] ?? 0) }))
    .filter((tier) => tier.by > 0)
    .sort((a, b) => b.by - a.by);
  const last =
    grown[0]?.id ??
    memory.last ??
    stats.tiers.find((tier) => tier.state === "healthy" && tier.requests.ok > 0)?.id;
  if (grown.length > 0 || memory.startedAt === undefined) {
    try {
      mkdirSync(join(memoryPath, ".."), { recursive: true });
      const tmp = `${memoryPath}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ ok, last, startedAt: stats.startedAt }));
      renameSync(tmp, memoryPath);
    } catch {
      // Read-only home: the line is still right, only less precise next time.
    }
  }
  return last;
}

function count(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

function colors(enabled: boolean) {
  const wrap = (code: number) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[39m` : text);
  return { red: wrap(31), yellow: wrap(33) };
}

/** `ccr statusline --install`: the command, spelled so that it runs from Claude Code, in its settings. */
function installCommand(options: StatuslineOptions, io: CommandIo): number {
  const port = options.port !== undefined ? ` --port ${options.port}` : "";
  const command = `${cliInvocation(io.env)} statusline${port}`;
  const result = installStatusLine({ command, env: io.env, replace: options.force === true });
  switch (result.outcome) {
    case "installed":
      io.stdout(
        `Claude Code's status line is now "${command}" (${result.path}); it shows from the next redraw.\n`,
      );
      return 0;
    case "unchanged":
      io.stdout(`Claude Code's status line is already "${command}" (${result.path}).\n`);
      return 0;
    case "kept-other":
      io.stderr(
        `${result.path} already sets another status line (${JSON.stringify(result.existing)}): left as it is; --force replaces it\n`,
      );
      return 1;
    case "failed":
      io.stderr(`cannot update ${result.path}: ${result.reason}\n`);
      return 1;
  }
}
