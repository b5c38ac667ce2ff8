// pnpm bench: CCR beside a bare Node relay and claude-code-router, on the same fake upstream, in one run.
// Prints a Markdown table of medians and ratios; `--write FILE` also saves it with the date and machine.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runLoad } from "./load.mjs";
import { runPaced } from "./paced-load.mjs";
import { FRAMES_BESIDES_WORDS, PACE_MS, PACED_WORDS } from "./stream-shapes.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const args = process.argv.slice(2);
const writeTo = args.includes("--write") ? args[args.indexOf("--write") + 1] : undefined;
const durationMs = Number(process.env.BENCH_DURATION_MS ?? 4000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const pacedStreams = Number(process.env.BENCH_PACED_STREAMS ?? 200);
/** BENCH_ONLY=paced,long runs only those parts: small, streaming, long, realistic, latency, paced. */
const only = process.env.BENCH_ONLY?.split(",");
const runs = (part) => !only || only.includes(part);
const children = [];
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

function startChild(command, argv, options = {}) {
  const child = spawn(command, argv, { stdio: ["ignore", "pipe", "pipe"], ...options });
  children.push(child);
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  child.on("exit", (code) => {
    if (code && code !== 0 && !shuttingDown)
      console.error(`${command} ${argv.join(" ")} exited ${code}\n${stderr}`);
  });
  return child;
}

function firstLine(child) {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const line = out.split("\n")[0];
      if (out.includes("\n")) resolve(line.trim());
    });
    child.on("exit", () => reject(new Error("process exited before printing its port")));
  });
}

async function waitForHttp(url, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { method: "GET" });
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function freePort() {
  return 20000 + Math.floor(Math.random() * 20000);
}

/** Resident memory now (VmRSS) and the most the process ever held (VmHWM, its peak under load). */
function memoryMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

let shuttingDown = false;
function stopAll() {
  shuttingDown = true;
  for (const child of children) child.kill("SIGTERM");
}
process.on("exit", stopAll);
process.on("SIGINT", () => process.exit(130));

const upstreamPort = Number(
  await firstLine(startChild(process.execPath, [path.join(here, "fake-upstream.mjs")])),
);
const upstream = `http://127.0.0.1:${upstreamPort}`;
const relay = startChild(process.execPath, [path.join(here, "bare-relay.mjs"), upstream]);
const relayPort = Number(await firstLine(relay));

const tmp = mkdtempSync(path.join(os.tmpdir(), "ccr-bench-"));
const providerConfig = (port) => ({
  PORT: port,
  HOST: "127.0.0.1",
  LOG: false,
  LOG_LEVEL: "error",
  Providers: [
    {
      name: "bench",
      api_base_url: `${upstream}/v1/chat/completions`,
      api_key: "bench-key",
      models: ["bench-model", "bench-long", "bench-paced"],
    },
  ],
  Router: { default: "bench,bench-model", background: "bench,bench-model" },
});

const ccrPort = freePort();
const ccrConfigPath = path.join(tmp, "ccr.json");
writeFileSync(ccrConfigPath, JSON.stringify(providerConfig(ccrPort)));
const ccr = startChild(
  process.execPath,
  [path.join(root, "apps/proxy/dist/cli.js"), "start", "--config", ccrConfigPath, "--port", String(ccrPort)],
  { env: { ...process.env, HOME: tmp } },
);
await waitForHttp(`http://127.0.0.1:${ccrPort}/health`);

let peer;
let peerPort;
try {
  const require = createRequire(import.meta.url);
  const peerPkg = require.resolve("@musistudio/claude-code-router/package.json");
  const peerVersion = JSON.parse(readFileSync(peerPkg, "utf8")).version;
  const peerHome = path.join(tmp, "peer-home");
  mkdirSync(path.join(peerHome, ".claude-code-router"), { recursive: true });
  peerPort = freePort();
  writeFileSync(
    path.join(peerHome, ".claude-code-router", "config.json"),
    JSON.stringify(providerConfig(peerPort)),
  );
  const child = startChild(process.execPath, [path.join(path.dirname(peerPkg), "dist/cli.js"), "start"], {
    env: { ...process.env, HOME: peerHome },
  });
  await waitForHttp(`http://127.0.0.1:${peerPort}/`);
  peer = { child, version: peerVersion };
} catch (error) {
  console.error(`claude-code-router could not be started, its column is left out: ${error.message}`);
}

const small = JSON.stringify({
  model: "claude-sonnet-4-5",
  max_tokens: 256,
  messages: [{ role: "user", content: "Say hello." }],
});
const streaming = JSON.stringify({ ...JSON.parse(small), stream: true });
// `provider,model` routes straight to that model in CCR and in claude-code-router; the relay forwards the
// body as it is, and the upstream picks the stream by the model's name.
const longStream = JSON.stringify({ ...JSON.parse(streaming), model: "bench,bench-long" });
const paced = JSON.stringify({ ...JSON.parse(streaming), model: "bench,bench-paced" });
const realistic = readFileSync(path.join(here, "../fixtures/claude-code-request.json"), "utf8");

const targets = [
  { name: "bare relay", url: `http://127.0.0.1:${relayPort}`, path: "/v1/chat/completions", pid: relay.pid },
  { name: "CCR (ours)", url: `http://127.0.0.1:${ccrPort}`, path: "/v1/messages", pid: ccr.pid },
];
if (peer)
  targets.push({
    name: `claude-code-router ${peer.version}`,
    url: `http://127.0.0.1:${peerPort}`,
    path: "/v1/messages",
    pid: peer.child.pid,
  });

const cases = [
  { part: "small", name: "small", body: small, concurrency: 1 },
  { part: "small", name: "small", body: small, concurrency: 32 },
  { part: "streaming", name: "streaming (40 chunks)", body: streaming, concurrency: 1 },
  { part: "streaming", name: "streaming (40 chunks)", body: streaming, concurrency: 32 },
  { part: "long", name: "long stream (150 chunks)", body: longStream, concurrency: 1 },
  { part: "long", name: "long stream (150 chunks)", body: longStream, concurrency: 32 },
  { part: "realistic", name: "realistic 75 KB stream", body: realistic, concurrency: 1 },
  { part: "realistic", name: "realistic 75 KB stream", body: realistic, concurrency: 32 },
].filter((c) => runs(c.part));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

// Warm every target up before measuring (JIT, connection pools).
for (const t of targets) await runLoad({ ...t, body: small, concurrency: 4, durationMs: 1000 });
for (const t of targets) await runLoad({ ...t, body: streaming, concurrency: 4, durationMs: 1000 });

// Added latency: the same small request straight to the upstream, then through CCR, interleaved.
const direct = [];
const viaCcr = [];
for (let i = 0; i < (runs("latency") ? rounds : 0); i++) {
  direct.push(
    (await runLoad({ url: upstream, path: "/v1/chat/completions", body: small, concurrency: 1, durationMs }))
      .p50,
  );
  viaCcr.push((await runLoad({ ...targets[1], body: small, concurrency: 1, durationMs })).p50);
}

const rows = [];
for (const c of cases) {
  const results = targets.map(() => ({ rps: [], p50: [], errors: 0 }));
  // Rounds interleave the targets so drift on a noisy machine hits them all alike.
  for (let r = 0; r < rounds; r++) {
    for (const [i, t] of targets.entries()) {
      const res = await runLoad({ ...t, body: c.body, concurrency: c.concurrency, durationMs });
      results[i].rps.push(res.rps);
      results[i].p50.push(res.p50);
      results[i].errors += res.errors;
    }
  }
  rows.push({
    c,
    results: results.map((r) => ({ rps: median(r.rps), p50: median(r.p50), errors: r.errors })),
  });
}

// Memory once the burst is over: the last case is 32 concurrent 75 KB requests; 3 s idle, as a proxy beside an
// editor sits between turns.
await new Promise((resolve) => setTimeout(resolve, 3000));
const memory = memoryMiB(ccr.pid);
const peerMemory = peer ? memoryMiB(peer.child.pid) : undefined;

// Paced streams: every target serves the same many concurrent streams, rounds interleaved.
const pacedResults = targets.map(() => ({ cpu: [], p99: [], broken: 0 }));
for (let r = 0; r < (runs("paced") ? rounds : 0); r++) {
  for (const [i, t] of targets.entries()) {
    const res = await runPaced({ ...t, body: paced, streams: pacedStreams });
    pacedResults[i].cpu.push(res.cpuPerChunkUs);
    pacedResults[i].p99.push(res.p99Ms);
    pacedResults[i].broken += res.broken;
  }
}

const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");
const lines = [];
lines.push(
  `| case | concurrency | ${targets.map((t) => `${t.name} req/s (p50 ms)`).join(" | ")} | CCR / relay | ${peer ? "CCR / peer |" : ""}`,
);
lines.push(`|---|---|${targets.map(() => "---|").join("")}---|${peer ? "---|" : ""}`);
for (const { c, results } of rows) {
  const [relay, ours, theirs] = results;
  const cells = results.map(
    (r) => `${fmt(r.rps)} (${fmt(r.p50, 2)})${r.errors ? ` ⚠ ${r.errors} errors` : ""}`,
  );
  lines.push(
    `| ${c.name} | ${c.concurrency} | ${cells.join(" | ")} | ${fmt(ours.rps / relay.rps, 2)} | ${peer ? `${fmt(ours.rps / theirs.rps, 1)} |` : ""}`,
  );
}
if (runs("paced")) {
  const relayCpu = median(pacedResults[0].cpu);
  const relayP99 = median(pacedResults[0].p99);
  lines.push(
    "",
    `Paced streams: ${pacedStreams} concurrent streams of ${PACED_WORDS + FRAMES_BESIDES_WORDS} upstream chunks, one every ${PACE_MS} ms; server CPU (utime + stime) per upstream chunk.`,
    "",
    "| target | CPU per chunk (µs) | / relay | streams broken | p99 stream duration (ms) | / relay |",
    "|---|---|---|---|---|---|",
  );
  for (const [i, t] of targets.entries()) {
    const cpu = median(pacedResults[i].cpu);
    const p99 = median(pacedResults[i].p99);
    lines.push(
      `| ${t.name} | ${fmt(cpu, 1)} | ${fmt(cpu / relayCpu, 2)} | ${pacedResults[i].broken} | ${fmt(p99)} | ${fmt(p99 / relayP99, 2)} |`,
    );
  }
}
const addedMs = median(viaCcr) - median(direct);
const summary = [
  `Added latency, small request, concurrency 1: ${fmt(addedMs, 3)} ms median (direct ${fmt(median(direct), 3)} ms, via CCR ${fmt(median(viaCcr), 3)} ms).`,
  `Resident memory 3 s after the last burst case${runs("realistic") ? " (32 concurrent 75 KB requests)" : ""}: CCR ${fmt(memory.rss, 1)} MiB (peak ${fmt(memory.peak, 1)} MiB)${peer ? `, claude-code-router ${fmt(peerMemory.rss, 1)} MiB (peak ${fmt(peerMemory.peak, 1)} MiB)` : ""}.`,
];
const table = lines.join("\n");
console.log(`${table}\n\n${summary.join("\n")}`);

if (writeTo) {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const header = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    `Each cell is the median of ${rounds} interleaved rounds of ${durationMs / 1000} s; req/s counts complete responses (last byte read).`,
  ].join(" ");
  const results = `${START}\n${header}\n\n${table}\n\n${summary.join("\n\n")}\n${END}`;
  const file = path.resolve(writeTo);
  // The results replace the marked block of a hand-written page, or make a page of their own.
  const page = existsSync(file) ? readFileSync(file, "utf8") : "";
  const at = page.indexOf(START);
  const end = page.indexOf(END);
  writeFileSync(
    file,
    at >= 0 && end > at ? page.slice(0, at) + results + page.slice(end + END.length) : `${page}${results}\n`,
  );
  console.log(`\nwritten to ${writeTo}`);
}
stopAll();
process.exit(0);
