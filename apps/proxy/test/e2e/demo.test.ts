import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type CliProcess, ccr, fakeClaudeSaw, spawnCcr, tempHome, writeFakeClaude } from "./cli-support.js";

let running: CliProcess[] = [];
afterEach(async () => {
  for (const run of running) if (run.child.exitCode === null) run.child.kill("SIGKILL");
  await Promise.all(running.map((run) => run.exited));
  running = [];
});

async function startDemo(home: string) {
  const run = spawnCcr(["demo", "--port", "0"], { HOME: home });
  running.push(run);
  const [, url, port] = await run.waitFor(/demo listening on (http:\/\/127\.0\.0\.1:(\d+))/);
  await run.waitFor(/Stop: /);
  return { run, url: url!, port: port! };
}

const ask = (url: string) =>
  fetch(`${url}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: "claude-sonnet-4-5",
      max_tokens: 50,
      messages: [{ role: "user", content: "hi" }],
    }),
  });

describe("ccr demo, headless", () => {
  it("serves two built-in tiers that cascade, says what to try, and is found by status, statusline and stop", async () => {
    const home = tempHome();
    const { run, url, port } = await startDemo(home);
    const intro = run.stdout();
    expect(intro).toContain("tier 0  demo-primary,fast-model");
    expect(intro).toContain("rate-limits every other request (429, Retry-After 3 s)");
    expect(intro).toContain(`curl -i ${url}/v1/messages`);
    expect(intro).toMatch(/node \S+cli\.js code --demo --port \d+/);
    expect(intro).toContain(`dashboard --port ${port}`);

    const first = await ask(url);
    expect(first.headers.get("x-ccr-tier")).toBe("demo-primary,fast-model");
    const text = ((await first.json()) as { content: { text: string }[] }).content[0]!.text;
    expect(text).toContain("a fake provider built into ccr demo");
    const second = await ask(url);
    expect(second.headers.get("x-ccr-tier")).toBe("demo-backup,steady-model");
    await second.arrayBuffer();

    const env = { HOME: home };
    // The only proxy running: found without --port.
    const status = await ccr(["status", "--json"], env);
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true, pid: run.child.pid, configPath: null });
    const line = await ccr(["statusline"], env, JSON.stringify({ model: { display_name: "Sonnet 4.5" } }));
    expect(line.code).toBe(0);
    expect(line.stdout).toMatch(/^CCR ▸ demo-(primary|backup),\S+ · Sonnet 4\.5 · /);

    const stop = await ccr(["stop"], env);
    expect(stop.code).toBe(0);
    expect(await run.exited).toBe(0);
    expect(existsSync(join(home, ".claude-code-router", `ccr-${port}.pid`))).toBe(false);
  });

  it("refuses to start on a port where a proxy already answers", async () => {
    const home = tempHome();
    const { port } = await startDemo(home);
    const again = await ccr(["demo", "--port", port], { HOME: tempHome() });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`CCR already answers on port ${port}`);
  });
});

describe("ccr code --demo", () => {
  it("runs claude against a running demo", async () => {
    const home = tempHome();
    const { url, port } = await startDemo(home);
    const result = await ccr(["code", "--demo", "--port", port, "-p", "hi"], {
      HOME: home,
      CCR_CLAUDE_BIN: writeFakeClaude(home),
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`Using the CCR demo running on ${url}`);
    expect(fakeClaudeSaw(result.stdout)).toMatchObject({
      base: url,
      args: ["-p", "hi"],
      tier: "demo-primary,fast-model",
    });
  });

  it("starts a demo for the length of the run when none is running", async () => {
    const home = tempHome();
    const result = await ccr(["code", "--demo"], { HOME: home, CCR_CLAUDE_BIN: writeFakeClaude(home) });
    expect(result.code).toBe(3);
    const saw = fakeClaudeSaw(result.stdout);
    expect(saw.tier).toBe("demo-primary,fast-model");
    expect(result.stderr).toContain(`CCR demo on ${saw.base} for this run`);
    // Gone with the run.
    await expect(fetch(`${saw.base}/health`)).rejects.toThrow();
  });
});
