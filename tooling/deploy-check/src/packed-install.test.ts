import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  type FakeOpenAI,
  openaiTextStream,
  type RunningProxy,
  startFakeOpenAI,
  startProxy,
} from "@ccr/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRepoFile, repoPath, root } from "./repo-files.js";

// SLOW (about a minute, most of it npm downloading the dependencies): the Dockerfile's install step, run for
// real. scripts/pack-release.mjs packs the built packages, npm installs the tarballs outside the repository
// (so nothing resolves to the workspace), the tarballs are deleted as the image deletes them, and the
// installed `ccr start` serves /health and a /v1/messages stream from a fake provider. Needs `pnpm build`.

const run = promisify(execFile);
const INSTALL_TIMEOUT_MS = 600_000;
const proxyVersion = (JSON.parse(readRepoFile("apps", "proxy", "package.json")) as { version: string })
  .version;

let dir: string;
let app: string;
let ccrBin: string;
let fake: FakeOpenAI | undefined;
let proxy: RunningProxy | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ccr-packed-"));
  app = join(dir, "app");
  await run(process.execPath, [repoPath("scripts", "pack-release.mjs"), app], { cwd: root });
  await run("npm", ["install", "--omit=dev", "--no-audit", "--no-fund"], {
    cwd: app,
    env: {
      ...process.env,
      // Kept between runs, outside HOME, so a rerun does not download everything again.
      npm_config_cache: join(tmpdir(), "ccr-deploy-check-npm-cache"),
      npm_config_update_notifier: "false",
      NODE_ENV: "production",
    },
    maxBuffer: 16 << 20,
  });
  for (const file of readdirSync(app)) if (file.endsWith(".tgz")) rmSync(join(app, file));
  ccrBin = join(app, "node_modules", ".bin", "ccr");
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  await proxy?.stop("SIGKILL");
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("packed-tarball install (slow: packs and npm-installs CCR)", () => {
  it("installs every @ccr package once, from the tarballs, and no private one", () => {
    const lock = JSON.parse(readFileSync(join(app, "package-lock.json"), "utf8")) as {
      packages: Record<string, { resolved?: string }>;
    };
    const ccrEntries = Object.entries(lock.packages).filter(([path]) => path.includes("node_modules/@ccr/"));
    expect(ccrEntries.length).toBeGreaterThanOrEqual(17);
    for (const [path, entry] of ccrEntries) {
      expect(path, "one copy, at the top").toMatch(/^node_modules\/@ccr\/[^/]+$/);
      expect(entry.resolved, path).toMatch(/^file:ccr-.*\.tgz$/);
    }
    expect(ccrEntries.map(([path]) => path)).not.toContain("node_modules/@ccr/testkit");
    expect(ccrEntries.map(([path]) => path)).toContain("node_modules/@ccr/dashboard");
  });

  it("links a ccr bin that runs with its shebang", async () => {
    const { stdout } = await run(ccrBin, ["--version"]);
    expect(stdout.trim()).toBe(proxyVersion);
  });

  it("serves /health and a /v1/messages stream from the installed ccr start", async () => {
    fake = await startFakeOpenAI([openaiTextStream(["Hello from ", "the tarballs"])]);
    proxy = await startProxy({
      cliPath: ccrBin,
      config: {
        APIKEY: "$CCR_TEST_APIKEY",
        LOG_LEVEL: "warn",
        Providers: [{ name: "fake", api_base_url: fake.chatCompletionsUrl, api_key: "k", models: ["m"] }],
        Router: { default: "fake,m" },
      },
      env: { CCR_TEST_APIKEY: "team-key" },
    });

    const health = await fetch(`${proxy.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", version: proxyVersion, pid: proxy.pid });

    const answer = await fetch(`${proxy.url}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": "team-key" },
      body: JSON.stringify({
        model: "claude-sonnet-4-5",
        max_tokens: 64,
        stream: true,
        messages: [{ role: "user", content: "hi" }],
      }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/event-stream");
    const events = await answer.text();
    const text = [...events.matchAll(/"type":"text_delta","text":"([^"]*)"/g)].map((m) => m[1]).join("");
    expect(text).toBe("Hello from the tarballs");
    expect(events).toContain("event: message_stop");
    expect(fake.requests).toHaveLength(1);
  });
});
