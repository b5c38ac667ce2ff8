import { type CcrConfig, normalizeConfig } from "@ccr/config";
import { describe, expect, it } from "vitest";
import { inMemory } from "./__fixtures__/in-memory.js";
import {
  type RouterCall as Call,
  type ScriptedAnswer,
  scriptedRouter,
} from "./__fixtures__/scripted-router.js";
import { createRequestListener } from "./create-request-listener.js";

const rawConfig = {
  Providers: [
    {
      name: "zai",
      api_base_url: "http://127.0.0.1:1/v1/chat/completions",
      api_key: "zai-secret",
      models: ["glm-4.6"],
    },
    { name: "deepseek", api_base_url: "http://127.0.0.1:2", models: ["deepseek-chat", "deepseek-reasoner"] },
  ],
  Router: { default: "zai,glm-4.6", think: "deepseek,deepseek-reasoner" },
};

const configWith = (extra: Record<string, unknown> = {}): CcrConfig =>
  normalizeConfig({ ...rawConfig, ...extra }).config;

const okMessage = {
  id: "msg_1",
  type: "message",
  role: "assistant",
  model: "glm-4.6",
  content: [{ type: "text", text: "hi" }],
  stop_reason: "end_turn",
  stop_sequence: null,
  usage: { input_tokens: 3, output_tokens: 1 },
};

function build(
  options: {
    config?: CcrConfig;
    answer?: (call: Call) => ScriptedAnswer | Promise<ScriptedAnswer>;
    maxBodyBytes?: number;
  } = {},
) {
  const config = options.config ?? configWith();
  const { router, calls } = scriptedRouter(
    options.answer ??
      (() => ({
        status: 200,
        headers: { "x-ccr-tier": "zai,glm-4.6", "x-ccr-attempts": "1" },
        body: okMessage,
        stream: false,
        tier: "zai,glm-4.6",
        attempts: 1,
      })),
  );
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const app = createRequestListener({
    router,
    config: () => config,
    logger: silent,
    version: "9.9.9",
    startedAt: 1_000,
    now: () => 61_000,
    maxBodyBytes: options.maxBodyBytes,
  });
  return { app: inMemory(app), calls };
}

const validBody = {
  model: "claude-sonnet-4-5",
  max_tokens: 100,
  messages: [{ role: "user", content: "hello" }],
};

const jsonInit = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

describe("the request listener, in memory", () => {
  it("forwards a valid message request to the router and returns its answer with the tier headers", async () => {
    const { app, calls } = build();
    const response = await app.request(
      "/v1/messages?beta=true",
      jsonInit(validBody, { "anthropic-beta": "x", "x-api-key": "client" }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(okMessage);
    expect(response.headers.get("x-ccr-tier")).toBe("zai,glm-4.6");
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.request).toEqual(validBody);
    expect(calls[0]?.options.signal).toBeDefined();
    expect(calls[0]?.options.requestId).toBe(response.headers.get("request-id"));
    expect(calls[0]?.options.clientHeaders?.["anthropic-beta"]).toBe("x");
    // The client's own key never reaches the router, so it can never be forwarded upstream.
    expect(calls[0]?.options.clientHeaders?.["x-api-key"]).toBeUndefined();
  });

  it("gives each request its own id", async () => {
    const { app } = build();
    const first = await app.request("/v1/messages", jsonInit(validBody));
    const second = await app.request("/v1/messages", jsonInit(validBody));
    expect(first.headers.get("request-id")).not.toBe(second.headers.get("request-id"));
  });

  it("streams the router's SSE body as an event stream", async () => {
    const sse = 'event: message_stop\ndata: {"type":"message_stop"}\n\n';
    const { app } = build({
      answer: () => ({
        status: 200,
        headers: { "x-ccr-tier": "zai,glm-4.6", "x-ccr-attempts": "2" },
        body: new Response(sse).body,
        stream: true,
        tier: "zai,glm-4.6",
        attempts: 2,
      }),
    });
    const response = await app.request("/v1/messages", jsonInit({ ...validBody, stream: true }));
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-ccr-attempts")).toBe("2");
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(await response.text()).toBe(sse);
  });

  it("passes the router's error status and body through", async () => {
    const body = {
      type: "error",
      error: { type: "rate_limit_error", message: "all tiers are rate-limited" },
    };
    const { app } = build({
      answer: () => ({ status: 429, headers: { "retry-after": "12" }, body, stream: false, attempts: 3 }),
    });
    const response = await app.request("/v1/messages", jsonInit(validBody));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("12");
    expect(await response.json()).toEqual(body);
  });

  it("applies a preset by name", async () => {
    const { app, calls } = build();
    await app.request("/preset/fast/v1/messages", jsonInit(validBody));
    expect(calls[0]?.options.preset).toBe("fast");
  });

  it("maps an error carrying a 404 status (unknown preset) to a 404 in Anthropic shape", async () => {
    const { app } = build({
      answer: () => {
        throw Object.assign(new Error('unknown preset "nope"'), { status: 404 });
      },
    });
    const response = await app.request("/preset/nope/v1/messages", jsonInit(validBody));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      type: "error",
      error: { type: "not_found_error", message: 'unknown preset "nope"' },
    });
  });

  it("turns an unexpected router failure into a 500 api_error and stays up", async () => {
    let fail = true;
    const { app } = build({
      answer: () => {
        if (fail) {
          fail = false;
          throw new Error("boom");
        }
        return { status: 200, headers: {}, body: okMessage, stream: false, attempts: 1 };
      },
    });
    const failed = await app.request("/v1/messages", jsonInit(validBody));
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ type: "error", error: { type: "api_error" } });
    expect((await app.request("/v1/messages", jsonInit(validBody))).status).toBe(200);
  });

  describe("bad input gets a 4xx in Anthropic's error shape", () => {
    const cases: [string, RequestInit, number, RegExp][] = [
      ["invalid JSON", jsonInit("{not json"), 400, /not valid JSON/],
      [
        "a wrong content type",
        { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" },
        415,
        /application\/json/,
      ],
      ["no content type", { method: "POST", body: JSON.stringify(validBody) }, 415, /application\/json/],
      ["missing messages", jsonInit({ model: "m", max_tokens: 1 }), 400, /messages/],
      [
        "missing max_tokens",
        jsonInit({ model: "m", messages: validBody.messages }),
        400,
        /max_tokens: Field required/,
      ],
      [
        "max_tokens of the wrong type",
        jsonInit({ ...validBody, max_tokens: "10" }),
        400,
        /^max_tokens: Input should be/,
      ],
      [
        "a message with no content",
        jsonInit({ ...validBody, messages: [{ role: "user" }] }),
        400,
        /messages\.0\.content: Field required/,
      ],
      ["a body that is not an object", jsonInit([1, 2]), 400, /./],
    ];
    it.each(cases)("%s", async (_name, init, status, message) => {
      const { app, calls } = build();
      const response = await app.request("/v1/messages", init);
      expect(response.status).toBe(status);
      const body = (await response.json()) as { type: string; error: { type: string; message: string } };
      expect(body.type).toBe("error");
      expect(body.error.message).toMatch(message);
      expect(calls).toHaveLength(0);
    });
  });

  it("refuses a body over the limit with 413", async () => {
    const { app } = build({ maxBodyBytes: 1024 });
    const big = { ...validBody, messages: [{ role: "user", content: "x".repeat(2048) }] };
    const response = await app.request("/v1/messages", jsonInit(big));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { type: "request_too_large" } });
  });

  it("answers 404 in Anthropic shape for an unknown route", async () => {
    const { app } = build();
    const response = await app.request("/v2/nothing");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      type: "error",
      error: { type: "not_found_error", message: "no route for GET /v2/nothing" },
    });
  });

  it("answers GET / and /api/hello (Claude Code's probes; HEAD is checked over a socket)", async () => {
    const { app } = build();
    expect((await app.request("/")).status).toBe(200);
    expect((await app.request("/api/hello")).status).toBe(200);
  });

  it("reports health with version and uptime", async () => {
    const { app } = build();
    const response = await app.request("/health");
    expect(await response.json()).toEqual({
      status: "ok",
      version: "9.9.9",
      uptime_seconds: 60,
      pid: process.pid,
      config_path: null,
    });
  });

  it("counts tokens with the router's estimate, without needing max_tokens", async () => {
    const { app, calls } = build();
    const body = { model: "m", messages: [{ role: "user", content: "hello" }] };
    const response = await app.request("/v1/messages/count_tokens", jsonInit(body));
    expect(await response.json()).toEqual({ input_tokens: JSON.stringify(body.messages).length });
    expect(calls).toHaveLength(0);
  });

  it("counts tokens on a preset's path too", async () => {
    const { app, calls } = build();
    const body = { model: "m", messages: [{ role: "user", content: "hello" }] };
    const response = await app.request("/preset/fast/v1/messages/count_tokens", jsonInit(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ input_tokens: JSON.stringify(body.messages).length });
    expect(calls).toHaveLength(0);
  });

  it("lists the configured models with provider,model ids", async () => {
    const { app } = build();
    const body = (await (await app.request("/v1/models")).json()) as { data: { id: string; type: string }[] };
    expect(body.data.map((model) => model.id)).toEqual([
      "zai,glm-4.6",
      "deepseek,deepseek-chat",
      "deepseek,deepseek-reasoner",
    ]);
    expect(body).toMatchObject({
      has_more: false,
      first_id: "zai,glm-4.6",
      last_id: "deepseek,deepseek-reasoner",
    });
  });

  describe("with APIKEY set", () => {
    const config = configWith({ APIKEY: "sekret" });

    it("refuses requests without the key", async () => {
      const { app, calls } = build({ config });
      const response = await app.request("/v1/messages", jsonInit(validBody));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        error: { type: "authentication_error", message: /missing API key/ },
      });
      expect(calls).toHaveLength(0);
    });

    it("refuses a wrong key, of any length", async () => {
      const { app } = build({ config });
      for (const key of ["sekreT", "s", "sekret-and-more"]) {
        const response = await app.request("/v1/models", { headers: { "x-api-key": key } });
        expect(response.status).toBe(401);
      }
    });

    it("accepts the key as x-api-key or as a bearer token", async () => {
      const { app } = build({ config });
      expect((await app.request("/v1/models", { headers: { "x-api-key": "sekret" } })).status).toBe(200);
      expect((await app.request("/v1/models", { headers: { authorization: "Bearer sekret" } })).status).toBe(
        200,
      );
    });

    it("guards every route but /health", async () => {
      const { app } = build({ config });
      expect((await app.request("/health")).status).toBe(200);
      expect((await app.request("/")).status).toBe(401);
      expect((await app.request("/v1/messages/count_tokens", jsonInit(validBody))).status).toBe(401);
      expect((await app.request("/nowhere")).status).toBe(401);
    });
  });
});
