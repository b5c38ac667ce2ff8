import { getEventListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { AnthropicMessagesRequest } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { openAITextChunks, scriptedFetch, sse } from "./__fixtures__/scripted-fetch.js";
import { A_URL, testConfig } from "./__fixtures__/test-config.js";
import { createRouter } from "./create-router.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const answer = JSON.stringify({
  id: "chatcmpl-1",
  object: "chat.completion",
  created: 1,
  model: "m",
  choices: [{ index: 0, message: { role: "assistant", content: "hi" }, finish_reason: "stop" }],
  usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
});
const upstream = (async () =>
  new Response(answer, { headers: { "content-type": "application/json" } })) as typeof fetch;
const ask: AnthropicMessagesRequest = {
  model: "x",
  max_tokens: 10,
  messages: [{ role: "user", content: "hi" }],
};

describe("what a finished request leaves behind", () => {
  it("no memory: nothing of an attempt outlives it until API_TIMEOUT_MS", async () => {
    const router = createRouter({ config: testConfig(), fetch: upstream });
    for (let i = 0; i < 500; i++) await router.handle(ask);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 3000; i++) await router.handle(ask, { signal: new AbortController().signal });
    gc();
    const grownPerRequest = (process.memoryUsage().heapUsed - before) / 3000;
    expect(grownPerRequest).toBeLessThan(1000);
    // 3,500 requests: a few seconds on a busy machine.
  }, 30_000);

  it("no timer that keeps the process alive", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    const router = createRouter({ config: testConfig(), fetch: upstream });
    const before = timers();
    await router.handle(ask);
    await router.handle({ ...ask, model: "b,m2" });
    expect(timers()).toBe(before);
  });

  it("no listener on the client's signal once the answer or the stream has ended", async () => {
    const streamed = scriptedFetch({ [A_URL]: [sse({ events: openAITextChunks("hi") })] });
    const router = createRouter({ config: testConfig(), fetch: streamed.fetch });
    const client = new AbortController();
    const response = await router.handle({ ...ask, stream: true }, { signal: client.signal });
    expect(getEventListeners(client.signal, "abort")).toHaveLength(1);
    await new Response(response.body as ReadableStream).text();
    expect(getEventListeners(client.signal, "abort")).toHaveLength(0);

    const plain = new AbortController();
    await createRouter({ config: testConfig(), fetch: upstream }).handle(ask, { signal: plain.signal });
    expect(getEventListeners(plain.signal, "abort")).toHaveLength(0);
  });
});
