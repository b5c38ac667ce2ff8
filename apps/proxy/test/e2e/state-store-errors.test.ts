import { createServer } from "node:net";
import { type FakeOpenAI, openaiText, type RunningProxy, startFakeOpenAI, startProxy } from "@ccr/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { cascadeConfig, postMessages, userRequest } from "./support.js";

// The built `ccr start` with a Redis that never answers: requests flow on local state, and the store's
// failures are counted in ccr_state_store_errors_total for an alert to see.

let proxy: RunningProxy | undefined;
let fake: FakeOpenAI | undefined;

afterEach(async () => {
  await proxy?.stop();
  await fake?.close();
  proxy = undefined;
  fake = undefined;
});

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("ccr_state_store_errors_total", { timeout: 60_000 }, () => {
  it("counts the failures of an unreachable Redis given as state.redis, while requests are answered", async () => {
    fake = await startFakeOpenAI(() => openaiText("hi"));
    const config = {
      ...cascadeConfig({ a: fake }),
      state: { redis: `redis://127.0.0.1:${await closedPort()}` },
    };
    proxy = await startProxy({ config });
    const response = await postMessages(proxy.url, userRequest());
    expect(response.status).toBe(200);
    const connectErrors = async () => {
      const text = await (await fetch(`${proxy!.url}/metrics`)).text();
      return Number(/^ccr_state_store_errors_total\{operation="connect"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    };
    expect(await connectErrors()).toBeGreaterThan(0);
    expect(proxy.stdout()).toContain("Redis (state.redis in the config) did not answer within 1 s");
  });
});
