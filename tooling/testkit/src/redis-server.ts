import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A throwaway `redis-server` for tests: loopback, a free port, no persistence (a restart comes back
 * empty, as a crashed cache would), in a temp folder.
 */
export interface TestRedisServer {
  readonly url: string;
  readonly port: number;
  /** Kills it (SIGKILL): connections drop at once, as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open and nothing answers, as with an overloaded server. */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

/** Whether `redis-server` can be run here; tests that need it skip with a message when not. */
export const redisServerAvailable: boolean = (() => {
  const probe = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  if (probe.status === 0) return true;
  console.warn(
    "redis-server is not installed: the shared tier state tests are skipped (apt-get install redis-server; .ci/run installs it on CI)",
  );
  return false;
})();

export async function startRedisServer(): Promise<TestRedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "ccr-redis-"));
  let child: ChildProcess | undefined;

  const start = async () => {
    const server = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = server;
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail("did not get ready in 10 s"), 10_000);
      const onExit = (code: number | null) => fail(`exited with code ${code}`);
      const fail = (why: string) => {
        clearTimeout(timer);
        server.kill("SIGKILL");
        reject(new Error(`redis-server on port ${port} ${why}:\n${output}`));
      };
      server.stdout?.setEncoding("utf8").on("data", (text: string) => {
        output += text;
        if (!output.includes("Ready to accept connections")) return;
        clearTimeout(timer);
        server.off("exit", onExit);
        resolve();
      });
      server.once("exit", onExit);
    });
  };

  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGCONT");
    running.kill("SIGKILL");
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: start,
    pause: () => child?.kill("SIGSTOP"),
    resume: () => child?.kill("SIGCONT"),
    async close() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
