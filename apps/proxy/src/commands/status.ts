import type { KeyStats, StatsSnapshot, TierStats } from "@ccr/metrics";
import { fetchHealth } from "../runtime/proxy-health.js";
import { type CommandIo, processIo } from "./command-io.js";
import {
  AmbiguousProxyError,
  authHeaders,
  type ProxyTarget,
  type ProxyTargetOptions,
  resolveProxyTarget,
} from "./proxy-target.js";

export interface StatusOptions extends ProxyTargetOptions {
  json?: boolean;
  /** With --json: add the per-second series (the dashboard's sparklines, 600 points each). */
  series?: boolean;
  /** How long to wait for the proxy to answer. Default 2000 ms. */
  timeoutMs?: number;
}

/** What `ccr status --json` prints: the stats snapshot without its series unless `--series`. */
export type StatusReport =
  | { readonly running: false; readonly url: string; readonly error: string }
  | {
      readonly running: true;
      readonly url: string;
      readonly pid: number | null;
      readonly version: string | null;
      readonly uptimeSeconds: number | null;
      readonly configPath: string | null;
      readonly stats: Omit<StatsSnapshot, "series"> & Partial<Pick<StatsSnapshot, "series">>;
    };

/**
 * `ccr status`: asks the proxy's `/health` and `/api/stats` and prints whether it runs and how each
 * tier is doing. Exit 0 when it runs and its stats could be read, 1 otherwise.
 */
export async function statusCommand(options: StatusOptions = {}, io: CommandIo = processIo): Promise<number> {
  let target: ProxyTarget;
  try {
    target = resolveProxyTarget(options, io.env);
  } catch (error) {
    if (!(error instanceof AmbiguousProxyError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  }
  const timeoutMs = options.timeoutMs ?? 2000;
  const fail = (error: string) => {
    if (options.json) io.stdout(`${JSON.stringify({ running: false, url: target.url, error }, null, 2)}\n`);
    else io.stderr(`${error}\n`);
    return 1;
  };

  const health = await fetchHealth(target.url, timeoutMs);
  if (!health) return fail(`CCR is not running (nothing answers at ${target.url}); start it with: ccr start`);

  let stats: StatsSnapshot;
  try {
    const res = await fetch(`${target.url}/api/stats`, {
      headers: authHeaders(target),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.status === 401 || res.status === 403) {
      return fail(
        `CCR runs at ${target.url} but refused the stats request (HTTP ${res.status}): ` +
          "pass the config with its APIKEY using --config",
      );
    }
    if (!res.ok) return fail(`CCR runs at ${target.url} but /api/stats returned HTTP ${res.status}`);
    stats = (await res.json()) as StatsSnapshot;
  } catch (error) {
    return fail(`CCR runs at ${target.url} but its stats could not be read: ${(error as Error).message}`);
  }

  const { series, ...compact } = stats;
  const report: StatusReport = {
    running: true,
    url: target.url,
    pid: health.pid ?? target.recorded?.pid ?? stats.proxy?.pid ?? null,
    version: health.version ?? stats.proxy?.version ?? null,
    uptimeSeconds: health.uptimeSeconds ?? stats.uptimeSeconds,
    configPath: health.configPath,
    stats: options.series ? { ...compact, series } : compact,
  };
  io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatStatus(report, target));
  return 0;
}

function formatStatus(report: Extract<StatusReport, { running: true }>, target: ProxyTarget): string {
  const { stats } = report;
  const t = stats.totals;
  const lines = [
    [
      "CCR is running",
      report.pid !== null ? `pid ${report.pid}` : undefined,
      target.url,
      report.uptimeSeconds !== null ? `up ${formatUptime(report.uptimeSeconds)}` : undefined,
      report.version !== null ? `v${report.version}` : undefined,
    ]
      .filter(Boolean)
      .join("  "),
    ...(report.configPath !== null ? [`config ${report.configPath}`] : []),
    [
      `requests ${t.requests}`,
      `success ${formatRate(t.successRate)}`,
      `active ${t.activeRequests} (${t.activeStreams} streaming)`,
      `tokens in ${formatCount(t.tokens.input)} / out ${formatCount(t.tokens.output)}`,
      t.costUsd > 0 ? `cost $${t.costUsd.toFixed(2)}` : undefined,
    ]
      .filter(Boolean)
      .join("  "),
    "",
  ];
  if (stats.tiers.length === 0) return `${lines.join("\n")}no tiers yet\n`;
  const header = ["#", "TIER", "STATE", "OK/FAILED", "SUCCESS", "EWMA", "TTFT p50", "TOKENS IN/OUT"];
  const rows = stats.tiers.map((tier) => [
    tier.position === null ? "-" : String(tier.position),
    tier.id,
    formatState(tier),
    `${tier.requests.ok}/${tier.requests.failed}`,
    formatRate(tier.successRate),
    formatMs(tier.ewmaLatencyMs),
    formatMs(tier.ttftMs.p50),
    `${formatCount(tier.tokens.input)}/${formatCount(tier.tokens.output)}`,
  ]);
  return `${lines.join("\n")}\n${formatTable([header, ...rows])}${formatKeyPools(stats.tiers)}`;
}

/** Each provider's key pool once (its tiers share it), by key id: state, budgets, attempts. */
function formatKeyPools(tiers: readonly TierStats[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const tier of tiers) {
    if (!tier.keys || seen.has(tier.provider)) continue;
    seen.add(tier.provider);
    lines.push(`keys of ${tier.provider}: ${tier.keys.map(formatKey).join("  ·  ")}`);
  }
  return lines.length === 0 ? "" : `\n${lines.map((line) => `${line}\n`).join("")}`;
}

function formatKey(key: KeyStats): string {
  const until = key.until !== null ? ` until ${clockTime(key.until)}` : "";
  const state =
    key.state === "over_budget" ? "over budget" : key.state === "out" ? "OUT (refused)" : key.state;
  const budgets = [
    key.rpm ? `${key.rpm.used}/${key.rpm.limit} rpm` : undefined,
    key.tpm ? `${formatCount(key.tpm.used)}/${formatCount(key.tpm.limit)} tpm` : undefined,
  ].filter(Boolean);
  return `${key.id} ${state}${until}${budgets.length > 0 ? ` ${budgets.join(" ")}` : ""} ${key.requests.ok}/${key.requests.failed}`;
}

function formatState(tier: Pick<TierStats, "state" | "until" | "lastError">): string {
  const reason = tier.lastError ? ` (${tier.lastError.reason})` : "";
  switch (tier.state) {
    case "healthy":
      return "healthy";
    case "cooling":
      return tier.until !== null ? `cooling until ${clockTime(tier.until)}${reason}` : `cooling${reason}`;
    case "open":
      return tier.until !== null ? `circuit open until ${clockTime(tier.until)}` : "circuit open";
    case "half_open":
      return "circuit half-open (probing)";
  }
}

function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, col) => Math.max(...rows.map((row) => (row[col] ?? "").length)));
  return rows
    .map((row) =>
      row
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join("");
}

/** Local wall-clock time, HH:MM:SS. */
function clockTime(epochMs: number): string {
  const d = new Date(epochMs);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
}

function formatUptime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}

function formatRate(rate: number | null): string {
  return rate === null ? "-" : `${(rate * 100).toFixed(1)}%`;
}

function formatMs(ms: number | null): string {
  if (ms === null) return "-";
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(2)}s`;
}

function formatCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}
