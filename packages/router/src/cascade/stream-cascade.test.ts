import Anthropic from "@anthropic-ai/sdk";
import type { AnthropicMessagesRequest } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { recordingMetrics } from "../__fixtures__/recording-metrics.js";
import {
  openAIMessage,
  openAITextChunks,
  type Reply,
  scriptedFetch,
  sse,
} from "../__fixtures__/scripted-fetch.js";
import { A_URL, B_URL, C_URL, testConfig } from "../__fixtures__/test-config.js";
import { createRouter } from "../create-router.js";

const ask = (): AnthropicMessagesRequest => ({
  model: "claude-sonnet-4-5",
  max_tokens: 100,
  stream: true,
  messages: [{ role: "user", content: "hello" }],
});

function setup(script: Record<string, Reply[]>, tierRetries: Record<string, unknown> = {}) {
  const upstream = scriptedFetch(script);
  const metrics = recordingMetrics();
  const router = createRouter({
    config: testConfig({
      Router: {
        tierRetries: { "*": { max_retries: 1, base_backoff_ms: 1, max_backoff_ms: 1, ...tierRetries } },
      },
    }),
    fetch: upstream.fetch,
    observer: metrics,
    random: () => 0,
  });
  return { router, upstream, metrics };
}

async function readAll(body: unknown): Promise<string> {
  return new Response(body as ReadableStream<Uint8Array>).text();
}

/** Event names of an Anthropic SSE text, in order. */
function eventNames(text: string): string[] {
  return [...text.matchAll(/^event: (\w+)$/gm)].map((match) => match[1]!);
}

const chunks = openAITextChunks("hello");

describe("streams: hold until the first event", () => {
  it("streams a translated answer that the Anthropic SDK parses, with usage reported at the end", async () => {
    const { router, metrics } = setup({ [A_URL]: [sse({ events: chunks })] });
    const response = await router.handle(ask(), { requestId: "s1" });
    expect(response).toMatchObject({ status: 200, stream: true, tier: "a,m1", attempts: 1 });
    expect(response.headers).toMatchObject({
      "content-type": "text/event-stream",
      "x-ccr-tier": "a,m1",
      "x-ccr-attempts": "1",
    });
    expect(metrics.of("firstToken")).toEqual([expect.objectContaining({ requestId: "s1", tier: "a,m1" })]);
    expect(metrics.of("streamStart")).toHaveLength(1);
    expect(metrics.of("requestEnd")).toEqual([]);

    const client = new Anthropic({
      apiKey: "unused",
      fetch: async () =>
        new Response(response.body as ReadableStream, { headers: { "content-type": "text/event-stream" } }),
    });
    const message = await client.messages
      .stream({ model: "claude-sonnet-4-5", max_tokens: 100, messages: [{ role: "user", content: "hello" }] })
      .finalMessage();
    expect(message.content).toEqual([expect.objectContaining({ type: "text", text: "hello" })]);
    expect(metrics.of("requestEnd")).toEqual([
      expect.objectContaining({
        requestId: "s1",
        outcome: "ok",
        stream: true,
        usage: { inputTokens: 11, outputTokens: 7, cacheReadTokens: 0, cacheCreationTokens: 0 },
      }),
    ]);
    expect(metrics.of("attemptEnd")).toEqual([expect.objectContaining({ ok: true, tier: "a,m1" })]);
  });

  it("an error as the first SSE frame is a failure of that tier: the client sees only the next tier's stream", async () => {
    const { router, upstream, metrics } = setup({
      [A_URL]: [
        sse({ events: [{ error: { message: "Provider overloaded", code: 529 } }] }),
        sse({ events: [{ error: { message: "Provider overloaded", code: 529 } }] }),
      ],
      [B_URL]: [sse({ events: chunks })],
    });
    const response = await router.handle(ask());
    expect(response).toMatchObject({ tier: "b,m2", attempts: 3 });
    const text = await readAll(response.body);
    expect(text).not.toContain("overloaded");
    expect(eventNames(text).at(-1)).toBe("message_stop");
    expect(upstream.callsTo(A_URL)).toHaveLength(2);
    expect(metrics.of("attemptEnd").map((event) => event.reason ?? "ok")).toEqual([
      "overloaded",
      "overloaded",
      "ok",
    ]);
  });

  it("no first event within stream_first_event_timeout_ms: retries, then cascades, aborting the silent upstream", async () => {
    const { router, upstream, metrics } = setup(
      {
        [A_URL]: [sse({ events: chunks, delayMs: 10_000 }), sse({ events: chunks, delayMs: 10_000 })],
        [B_URL]: [sse({ events: chunks })],
      },
      { stream_first_event_timeout_ms: 150 },
    );
    const started = Date.now();
    const response = await router.handle(ask());
    expect(response.tier).toBe("b,m2");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(upstream.callsTo(A_URL).map((call) => call.signal.aborted)).toEqual([true, true]);
    expect(
      metrics
        .of("attemptEnd")
        .slice(0, 2)
        .map((event) => event.reason),
    ).toEqual(["timeout_first_event", "timeout_first_event"]);
    expect(eventNames(await readAll(response.body)).at(-1)).toBe("message_stop");
  });

  it("holds past a role-only first chunk: an error before any content still cascades", async () => {
    const roleOnly = { ...chunks[0]! } as Record<string, unknown>;
    const { router, upstream, metrics } = setup({
      [A_URL]: [
        sse({ events: [roleOnly, { error: { message: "Rate limit exceeded", code: 429 } }] }),
        sse({ events: [roleOnly], end: "break" }),
      ],
      [B_URL]: [sse({ events: chunks })],
    });
    const response = await router.handle(ask());
    expect(response).toMatchObject({ tier: "b,m2" });
    const text = await readAll(response.body);
    expect(eventNames(text)).not.toContain("error");
    expect(eventNames(text).filter((name) => name === "message_start")).toHaveLength(1);
    expect(eventNames(text).at(-1)).toBe("message_stop");
    expect(upstream.callsTo(A_URL)).toHaveLength(1);
    expect(metrics.of("attemptEnd")[0]).toMatchObject({ tier: "a,m1", ok: false, reason: "rate_limited" });
  });

  it("a role-only first chunk and then a broken connection is retried like any failure before content", async () => {
    const roleOnly = { ...chunks[0]! } as Record<string, unknown>;
    const { router, upstream } = setup({
      [A_URL]: [sse({ events: [roleOnly], end: "break" }), sse({ events: chunks })],
    });
    const response = await router.handle(ask());
    expect(response).toMatchObject({ tier: "a,m1", attempts: 2 });
    expect(eventNames(await readAll(response.body)).at(-1)).toBe("message_stop");
    expect(upstream.callsTo(A_URL)).toHaveLength(2);
  });

  it("an Anthropic-protocol upstream whose first event is an error cascades too", async () => {
    const overloaded = { type: "error", error: { type: "overloaded_error", message: "Overloaded" } };
    const { router, upstream } = setup({
      [C_URL]: [sse({ events: [overloaded], end: "close" }), sse({ events: [overloaded], end: "close" })],
      [A_URL]: [sse({ events: chunks })],
    });
    const response = await router.handle({ ...ask(), model: "c,claude-x" });
    expect(response).toMatchObject({ tier: "a,m1", attempts: 3 });
    expect(upstream.callsTo(C_URL)).toHaveLength(2);
    const text = await readAll(response.body);
    expect(text).not.toContain("Overloaded");
    expect(eventNames(text).at(-1)).toBe("message_stop");
  });

  it("an upstream that answers a streaming request with plain JSON still gives the client a complete stream", async () => {
    const { router, upstream } = setup({ [A_URL]: [openAIMessage("hello from json")], [B_URL]: [] });
    const response = await router.handle(ask());
    expect(response).toMatchObject({ status: 200, stream: true, tier: "a,m1", attempts: 1 });
    expect(upstream.callsTo(B_URL)).toHaveLength(0);
    const client = new Anthropic({
      apiKey: "unused",
      fetch: async () =>
        new Response(response.body as ReadableStream, { headers: { "content-type": "text/event-stream" } }),
    });
    const message = await client.messages
      .stream({ model: "claude-sonnet-4-5", max_tokens: 100, messages: [{ role: "user", content: "hello" }] })
      .finalMessage();
    expect(message).toMatchObject({
      content: [{ type: "text", text: "hello from json" }],
      stop_reason: "end_turn",
      usage: { input_tokens: 11, output_tokens: 7 },
    });
  });

  it("a stream that ends before any event cascades", async () => {
    const { router } = setup({
      [A_URL]: [sse({ events: [], end: "close" }), sse({ events: [], end: "close" })],
      [B_URL]: [sse({ events: chunks })],
    });
    expect((await router.handle(ask())).tier).toBe("b,m2");
  });
});

describe("streams: after the first event there is no silent retry", () => {
  it("a connection broken mid-stream ends the stream with an api_error frame, and no other tier is tried", async () => {
    const { router, upstream, metrics } = setup({
      [A_URL]: [sse({ events: chunks.slice(0, 3), end: "break" })],
      [B_URL]: [],
    });
    const response = await router.handle(ask());
    const text = await readAll(response.body);
    expect(eventNames(text)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "error",
    ]);
    expect(text).toMatch(
      /"type":"api_error","message":"the upstream connection failed mid-stream: terminated \(ECONNRESET\)"/,
    );
    expect(upstream.calls).toHaveLength(1);
    expect(metrics.of("requestEnd")).toEqual([
      expect.objectContaining({ outcome: "upstream_error", reason: "midstream" }),
    ]);
  });

  it("an upstream idle longer than stream_idle_timeout_ms ends with an overloaded_error frame and aborts the upstream", async () => {
    const { router, upstream, metrics } = setup(
      { [A_URL]: [sse({ events: chunks.slice(0, 2), end: "hang" })] },
      { stream_idle_timeout_ms: 100 },
    );
    const response = await router.handle(ask());
    const text = await readAll(response.body);
    expect(eventNames(text).at(-1)).toBe("error");
    expect(text).toMatch(/"type":"overloaded_error","message":"the upstream stream was idle for 100 ms"/);
    expect(upstream.calls[0]?.signal.aborted).toBe(true);
    expect(metrics.of("requestEnd")).toEqual([
      expect.objectContaining({ outcome: "upstream_error", reason: "timeout_idle" }),
    ]);
  });

  it("a stream that just stops, without finish_reason or [DONE], never looks complete", async () => {
    const { router } = setup({ [A_URL]: [sse({ events: chunks.slice(0, 3), end: "close" })] });
    const text = await readAll((await router.handle(ask())).body);
    expect(eventNames(text)).not.toContain("message_stop");
    expect(eventNames(text).filter((name) => name === "error")).toHaveLength(1);
    expect(eventNames(text).at(-1)).toBe("error");
  });

  it("ends the client's stream at message_stop even when the upstream keeps the connection open", async () => {
    const { router, metrics } = setup(
      { [A_URL]: [sse({ events: [...chunks, "[DONE]"], end: "hang" })] },
      { stream_idle_timeout_ms: 5000 },
    );
    const started = Date.now();
    const text = await readAll((await router.handle(ask())).body);
    expect(eventNames(text).at(-1)).toBe("message_stop");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(metrics.of("requestEnd")).toEqual([expect.objectContaining({ outcome: "ok" })]);
  });

  it("the client aborting mid-stream aborts the upstream request", async () => {
    const { router, upstream, metrics } = setup({
      [A_URL]: [sse({ events: chunks.slice(0, 2), end: "hang" })],
    });
    const client = new AbortController();
    const response = await router.handle(ask(), { signal: client.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    const pending = reader.read();
    client.abort();
    await pending;
    expect(upstream.calls[0]?.signal.aborted).toBe(true);
    expect(metrics.of("requestEnd")).toEqual([expect.objectContaining({ outcome: "aborted" })]);
  });

  it("cancelling the response body cancels the upstream stream", async () => {
    let cancelled = false;
    const upstreamReply: Reply = () => {
      const encoder = new TextEncoder();
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent < 2) controller.enqueue(encoder.encode(`data: ${JSON.stringify(chunks[sent++])}\n\n`));
        },
        cancel() {
          cancelled = true;
        },
      });
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    };
    const { router, upstream, metrics } = setup({ [A_URL]: [upstreamReply] });
    const response = await router.handle(ask());
    await (response.body as ReadableStream).cancel("client went away");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cancelled).toBe(true);
    expect(upstream.calls[0]?.signal.aborted).toBe(true);
    expect(metrics.of("requestEnd")).toEqual([expect.objectContaining({ outcome: "aborted" })]);
  });
});
