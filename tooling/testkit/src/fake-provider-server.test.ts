import { request } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { anthropicTextStream } from "./anthropic-responses.js";
import { hang, rateLimited, reset } from "./failures.js";
import { openaiErrorIn200, openaiText, openaiTextStream } from "./openai-responses.js";
import { startFakeAnthropic } from "./start-fake-anthropic.js";
import { type FakeOpenAI, startFakeOpenAI } from "./start-fake-openai.js";

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const post = (url: string, body: unknown, signal?: AbortSignal) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer k" },
    body: JSON.stringify(body),
    signal,
  });

describe("fake providers", () => {
  it("answers a queue in order, records requests, then says the script ran out", async () => {
    fake = await startFakeOpenAI([rateLimited(7), openaiText("hello")]);
    const first = await post(fake.chatCompletionsUrl, { model: "m", messages: [] });
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("7");
    const second = await post(fake.chatCompletionsUrl, { model: "m", messages: [] });
    expect(
      ((await second.json()) as { choices: [{ message: { content: string } }] }).choices[0].message.content,
    ).toBe("hello");
    const third = await post(fake.chatCompletionsUrl, {});
    expect(third.status).toBe(500);
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests[0]?.body).toEqual({ model: "m", messages: [] });
    expect(fake.requests[0]?.headers.authorization).toBe("Bearer k");
    expect(fake.requests[0]?.url).toBe("/v1/chat/completions");
  });

  it("decides per request with a function script", async () => {
    fake = await startFakeOpenAI((req) => openaiText(`you sent ${(req.body as { n: number }).n}`));
    const response = await post(fake.chatCompletionsUrl, { n: 4 });
    expect(JSON.stringify(await response.json())).toContain("you sent 4");
  });

  it("streams OpenAI chunks ending in [DONE]", async () => {
    fake = await startFakeOpenAI([openaiTextStream(["Hel", "lo"], { intervalMs: 5 })]);
    const response = await post(fake.chatCompletionsUrl, {});
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const text = await response.text();
    expect(text).toContain('"content":"Hel"');
    expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);
  });

  it("streams Anthropic events with their event names", async () => {
    const anthropic = await startFakeAnthropic([anthropicTextStream(["Hi"])]);
    try {
      const text = await (await post(anthropic.messagesUrl, {})).text();
      expect(text.startsWith("event: message_start\n")).toBe(true);
      expect(text).toContain("event: message_stop");
    } finally {
      await anthropic.close();
    }
  });

  it("answers an error inside a 200", async () => {
    fake = await startFakeOpenAI([openaiErrorIn200("boom")]);
    const response = await post(fake.chatCompletionsUrl, {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ error: { message: "boom" } });
  });

  it("resets the socket", async () => {
    fake = await startFakeOpenAI([reset()]);
    await expect(post(fake.chatCompletionsUrl, {})).rejects.toThrow();
  });

  it("breaks a stream after its frames", async () => {
    fake = await startFakeOpenAI([openaiTextStream(["partial"], { after: "break" })]);
    const response = await post(fake.chatCompletionsUrl, {});
    await expect(response.text()).rejects.toThrow();
  });

  it("hangs and sees the client leave", async () => {
    fake = await startFakeOpenAI([hang()]);
    const controller = new AbortController();
    const pending = post(fake.chatCompletionsUrl, {}, controller.signal);
    await fake.waitForRequests(1);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await expect(fake.requests[0]?.closed).resolves.toEqual({ clientClosedEarly: true });
  });

  it("drops a connection that carried no request once the keep-alive timeout passed, and counts it until then", async () => {
    fake = await startFakeOpenAI([], { keepAliveTimeoutMs: 150 });
    const socket = connect(fake.port, "127.0.0.1");
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    await new Promise((resolve) => socket.on("connect", resolve));
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.openConnections).toBe(1);
    await closed;
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.openConnections).toBe(0);
  });

  it("closes with a hanging connection open", async () => {
    fake = await startFakeOpenAI([hang()]);
    const { port } = fake;
    const errored = new Promise<void>((resolve) => {
      const req = request({ port, host: "127.0.0.1", method: "POST", path: "/" }, () => {});
      req.on("error", () => resolve());
      req.end("{}");
    });
    await fake.waitForRequests(1);
    await fake.close();
    fake = undefined;
    await errored;
  });
});
