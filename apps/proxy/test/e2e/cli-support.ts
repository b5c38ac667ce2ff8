import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtCliPath } from "@ccr/testkit";

export const cli = builtCliPath();

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI to its end; resolves with its exit code and output whatever the code. */
export function ccr(
  args: string[],
  env: Record<string, string | undefined>,
  input?: string,
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { env: cleanEnv(env), timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(input ?? "");
  });
}

/** A long-running CLI process with its output collected. */
export interface CliProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout, or rejects with the output after the timeout. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

export function spawnCcr(args: string[], env: Record<string, string | undefined>): CliProcess {
  const child = spawn(process.execPath, [cli, ...args], {
    env: cleanEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
  });
  child.stderr!.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    async waitFor(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const match = pattern.exec(stdout);
        if (match) return match;
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(
        `no ${pattern} in the output of ccr ${args.join(" ")}:\nstdout:\n${stdout}\nstderr:\n${stderr}`,
      );
    },
  };
}

/** The test run's environment without what would change the CLI's behaviour (CI, a config, keys). */
function cleanEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of [
    "CCR_CONFIG",
    "CCR_LOG_FORMAT",
    "MOCK_KEY",
    "ANTHROPIC_BASE_URL",
    "ANTHROPIC_API_KEY",
  ]) {
    delete base[name];
  }
  return { ...base, ...env };
}

export function tempHome(prefix = "ccr-e2e-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A stand-in for claude: sends one request to the proxy it was pointed at and prints what it saw (the
 * base URL, key, its arguments and the tier that answered) as one JSON line, then exits 3.
 */
export function writeFakeClaude(dir: string): string {
  const path = join(dir, "fake-claude.mjs");
  writeFileSync(
    path,
    `#!/usr/bin/env node
const base = process.env.ANTHROPIC_BASE_URL;
let tier = null;
if (base && !process.argv.includes("--help")) {
  const res = await fetch(base + "/v1/messages", {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": process.env.ANTHROPIC_API_KEY },
    body: JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 50, messages: [{ role: "user", content: "hi" }] }),
  });
  tier = res.headers.get("x-ccr-tier");
  await res.arrayBuffer();
}
console.log(JSON.stringify({ base: base ?? null, key: process.env.ANTHROPIC_API_KEY ?? null, args: process.argv.slice(2), tier }));
process.exit(3);
`,
    { mode: 0o755 },
  );
  return path;
}

/** The last stdout line of the fake claude. */
export function fakeClaudeSaw(stdout: string): {
  base: string | null;
  key: string | null;
  args: string[];
  tier: string | null;
} {
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("condition not met in time");
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
