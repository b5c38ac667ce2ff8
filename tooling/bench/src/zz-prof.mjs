import { spawn } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runPaced } from "./paced-load.mjs";
const root = path.resolve(import.meta.dirname, "../../..");
const up = spawn(process.execPath, [path.join(import.meta.dirname, "fake-upstream.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const upPort = await new Promise((r) => up.stdout.once("data", (d) => r(Number(String(d).trim()))));
const tmp = mkdtempSync(path.join(os.tmpdir(), "prof-"));
const port = 20000 + Math.floor(Math.random() * 20000);
writeFileSync(path.join(tmp, "c.json"), JSON.stringify({ PORT: port, HOST: "127.0.0.1", LOG: false, LOG_LEVEL: "error",
  Providers: [{ name: "bench", api_base_url: `http://127.0.0.1:${upPort}/v1/chat/completions`, api_key: "k", models: ["bench-model", "bench-paced"] }],
  Router: { default: "bench,bench-model" } }));
const extra = process.argv[2] === "prof" ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : [];
const ccr = spawn(process.execPath, [...extra, path.join(root, "apps/proxy/dist/cli.js"), "start", "--config", path.join(tmp, "c.json")], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, HOME: tmp } });
for (;;) { try { await fetch(`http://127.0.0.1:${port}/health`); break; } catch { await new Promise((r) => setTimeout(r, 100)); } }
const body = JSON.stringify({ model: "bench,bench-paced", max_tokens: 256, stream: true, messages: [{ role: "user", content: "Say hello." }] });
for (let i = 0; i < Number(process.argv[3] ?? 2); i++) {
  const r = await runPaced({ url: `http://127.0.0.1:${port}`, path: "/v1/messages", body, streams: 200, pid: ccr.pid });
  console.log(JSON.stringify(r));
}
ccr.kill("SIGINT"); await new Promise((r) => ccr.once("exit", r)); up.kill();
