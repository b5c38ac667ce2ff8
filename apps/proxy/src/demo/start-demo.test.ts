import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningDemo, startDemo } from "./start-demo.js";

let demo: RunningDemo | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

const ask = (url: string, stream = false) =>
  fetch(`${url}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: "claude-sonnet-4-5",
      max_tokens: 100,
      stream,
      messages: [{ role: "user", content: "hi" }],
    }),
  });

describe("startDemo", () => {
  it("cascades: tier 0 answers, is rate-limited on the next request, and tier 1 answers instead", async () => {
    demo = await startDemo({
      port: 0,
      logger: pino({ level: "silent" }),
      pace: { firstTokenDelayMs: 1, pieceIntervalMs: 1 },
    });
    const first = await ask(demo.server.url);
    expect(first.headers.get("x-ccr-tier")).toBe("demo-primary,fast-model");
    expect(((await first.json()) as { content: { text: string }[] }).content[0]!.text).toContain(
      "demo-primary",
    );
    const second = await ask(demo.server.url, true);
    expect(second.headers.get("x-ccr-tier")).toBe("demo-backup,steady-model");
    expect(await second.text()).toContain("demo-backup");
    // Tier 0 now cools for the Retry-After: the next request goes straight to tier 1.
    const third = await ask(demo.server.url);
    expect(third.headers.get("x-ccr-tier")).toBe("demo-backup,steady-model");
    await third.arrayBuffer();
    const stats = demo.server.metrics.snapshot();
    expect(stats.tiers.find((tier) => tier.id === "demo-primary,fast-model")?.state).toBe("cooling");
    expect(demo.providers.map((provider) => provider.requests())).toEqual([2, 2]);
  });
});
