import {
  type Behaviour,
  type FakeOpenAI,
  hang,
  httpError,
  openaiErrorFirstFrame,
  openaiErrorIn200,
  openaiText,
  openaiTextFrames,
  openaiTextStream,
  overloaded,
  type RunningProxy,
  rateLimited,
  reset,
  startFakeOpenAI,
  startProxy,
} from "@ccr/testkit";
import { afterEach, describe, expect, it } from "vitest";
import {
  cascadeConfig,
  elapsedSince,
  parseSse,
  postMessages,
  streamedText,
  type TestRetryPolicy,
  userRequest,
} from "./support.js";

// Every row of the cascade table of issue #4, against the built CLI and fake providers on real sockets.

let proxy: RunningProxy | undefined;
let fakes: FakeOpenAI[] = [];

afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
  await Promise.all(fakes.map((fake) => fake.close()));
  fakes = [];
});

async function setup(scripts: Parameters<typeof startFakeOpenAI>[0][], retry: TestRetryPolicy = {}) {
  fakes = await Promise.all(scripts.map((script) => startFakeOpenAI(script)));
  const named = Object.fromEntries(fakes.map((fake, index) => [String.fromCharCode(97 + index), fake]));
  proxy = await startProxy({ config: cascadeConfig(named, retry) });
  return { proxy, fakes };
}

/** Role and text chunks without the finish chunk and [DONE], then `after`: a cut or silence. */
function partialThen(after: "break" | "hang", pieces: string[], intervalMs = 0): Behaviour {
  return { kind: "sse", frames: openaiTextFrames(pieces).slice(0, pieces.length + 1), intervalMs, after };
}

type ErrorBody = { type: string; error: { type: string; message: string } };

describe("cascade", () => {
  it("429: goes to the next tier at once without retrying the limited one", async () => {
    const { proxy, fakes } = await setup([[rateLimited(30)], [openaiText("from b")]]);
    const start = performance.now();
    const response = await postMessages(proxy.url, userRequest());
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ccr-tier")).toBe("b,b-model");
    expect(JSON.stringify(await response.json())).toContain("from b");
    expect(elapsedSince(start)).toBeLessThan(1_000);
    expect(fakes[0]!.requests).toHaveLength(1);
    // The limited tier cools down: the next request does not touch it.
    fakes[1]!.enqueue(openaiText("again b"));
    expect((await postMessages(proxy.url, userRequest())).status).toBe(200);
    expect(fakes[0]!.requests).toHaveLength(1);
  });

  it("429 on every tier: answers 429 with retry-after, quickly", async () => {
    const { proxy } = await setup([[rateLimited(20)], [rateLimited(40)]], { max_retries: 0 });
    const start = performance.now();
    const response = await postMessages(proxy.url, userRequest());
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(40);
    expect(((await response.json()) as ErrorBody).error.type).toBe("rate_limit_error");
    expect(elapsedSince(start)).toBeLessThan(2_000);
  });

  it("5xx: retries within the tier, then moves on", async () => {
    const { proxy, fakes } = await setup([[httpError(503), httpError(502)], [openaiText("from b")]]);
    const response = await postMessages(proxy.url, userRequest());
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ccr-tier")).toBe("b,b-model");
    expect(response.headers.get("x-ccr-attempts")).toBe("3");
    expect(fakes[0]!.requests).toHaveLength(2);
  });

  it("5xx then success: a retry within the tier recovers", async () => {
    const { proxy, fakes } = await setup([[httpError(500), openaiText("from a")], []]);
    const response = await postMessages(proxy.url, userRequest());
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ccr-tier")).toBe("a,a-model");
    expect(fakes[1]!.requests).toHaveLength(0);
  });

  it("a reset connection is retried, then cascades", async () => {
    const { proxy, fakes } = await setup([[reset(), reset()], [openaiText("from b")]]);
    const response = await postMessages(proxy.url, userRequest());
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ccr-tier")).toBe("b,b-model");
    expect(fakes[0]!.requests).toHaveLength(2);
  });

  it("401: no retry, next tier, and the tier is skipped afterwards", async () => {
    const { proxy, fakes } = await setup([
      [httpError(401, "invalid api key")],
      [openaiText("b1"), openaiText("b2")],
    ]);
    expect((await postMessages(proxy.url, userRequest())).headers.get("x-ccr-tier")).toBe("b,b-model");
    expect((await postMessages(proxy.url, userRequest())).headers.get("x-ccr-tier")).toBe("b,b-model");
    expect(fakes[0]!.requests).toHaveLength(1);
    // Each provider gets its own key in its own auth style; the client's key is never forwarded.
    expect(fakes[0]!.requests[0]!.headers.authorization).toBe("Bearer key-a");
    expect(fakes[1]!.requests[0]!.headers.authorization).toBe("Bearer key-b");
    expect(JSON.stringify(fakes[1]!.requests[0]!.headers)).not.toContain("client-key");
  });

  it("400 on every tier: the client gets the first tier's own status and message", async () => {
    const { proxy, fakes } = await setup([
      [httpError(400, "This model's maximum context length is 128000 tokens")],
      [httpError(422, "unprocessable")],
    ]);
    const response = await postMessages(proxy.url, userRequest());
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.type).toBe("error");
    expect(body.error.message).toContain("maximum context length");
    expect(fakes[0]!.requests).toHaveLength(1);
    expect(fakes[1]!.requests).toHaveLength(1);
  });

  it("529 / overloaded on every tier: 529 overloaded_error", async () => {
    const { proxy } = await setup([[overloaded()], [httpError(503)]], { max_retries: 0 });
    const response = await postMessages(proxy.url, userRequest());
    expect(response.status).toBe(529);
    expect(((await response.json()) as ErrorBody).error.type).toBe("overloaded_error");
  });

  it("an error inside an HTTP 200 is a failure of that tier", async () => {
    const { proxy } = await setup([[openaiErrorIn200("quota exhausted")], [openaiText("from b")]], {
      max_retries: 0,
    });
    const response = await postMessages(proxy.url, userRequest());
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ccr-tier")).toBe("b,b-model");
  });

  it("stream: a failure before the first event cascades transparently", async () => {
    const { proxy } = await setup([[openaiErrorFirstFrame("boom")], [openaiTextStream(["Hel", "lo"])]], {
      max_retries: 0,
    });
    const response = await postMessages(proxy.url, userRequest("hi", { stream: true }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("x-ccr-tier")).toBe("b,b-model");
    const events = parseSse(await response.text());
    expect(events.map((event) => event.event)).not.toContain("error");
    expect(streamedText(events)).toBe("Hello");
    expect(events.at(-1)?.event).toBe("message_stop");
  });

  it("stream: a break after bytes reached the client ends with an event: error frame, no silent retry", async () => {
    const { proxy, fakes } = await setup([
      [partialThen("break", ["partial ", "answer"], 20)],
      [openaiTextStream(["never"])],
    ]);
    const response = await postMessages(proxy.url, userRequest("hi", { stream: true }));
    expect(response.status).toBe(200);
    const events = parseSse(await response.text());
    expect(streamedText(events)).toContain("partial");
    const last = events.at(-1)!;
    expect(last.event).toBe("error");
    expect(["overloaded_error", "api_error"]).toContain((last.data.error as { type: string }).type);
    expect(events.map((event) => event.event)).not.toContain("message_stop");
    expect(fakes[1]!.requests).toHaveLength(0);
  });

  it("stream: a hanging tier hits the first-event timeout and the next tier answers", async () => {
    const { proxy, fakes } = await setup([[hang()], [openaiTextStream(["ok"])]], {
      max_retries: 0,
      stream_first_event_timeout_ms: 400,
    });
    const start = performance.now();
    const response = await postMessages(proxy.url, userRequest("hi", { stream: true }));
    const events = parseSse(await response.text());
    const elapsed = elapsedSince(start);
    expect(streamedText(events)).toBe("ok");
    expect(response.headers.get("x-ccr-tier")).toBe("b,b-model");
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(3_000);
    // The abandoned upstream request is closed, not leaked.
    await expect(fakes[0]!.requests[0]!.closed).resolves.toEqual({ clientClosedEarly: true });
  });

  it("stream: an idle stream ends with an error frame, never silently truncated", async () => {
    const { proxy } = await setup([[partialThen("hang", ["slow"])], []], { stream_idle_timeout_ms: 300 });
    const start = performance.now();
    const response = await postMessages(proxy.url, userRequest("hi", { stream: true }));
    const events = parseSse(await response.text());
    expect(response.status).toBe(200);
    expect(streamedText(events)).toBe("slow");
    expect(events.at(-1)?.event).toBe("error");
    expect(elapsedSince(start)).toBeLessThan(3_000);
  });

  it("the client disconnecting aborts the upstream request at once", async () => {
    const { proxy, fakes } = await setup([[partialThen("hang", ["first ", "second ", "third"], 300)], []]);
    const controller = new AbortController();
    const response = await postMessages(proxy.url, userRequest("hi", { stream: true }), {
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    const start = performance.now();
    controller.abort();
    await expect(fakes[0]!.requests[0]!.closed).resolves.toEqual({ clientClosedEarly: true });
    expect(elapsedSince(start)).toBeLessThan(1_000);
  });
});
