import { normalizeConfig } from "@ccr/config";
import type { ChatIngress, ResponsesIngress } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { inMemory } from "./__fixtures__/in-memory.js";
import { scriptedRouter } from "./__fixtures__/scripted-router.js";
import { createRequestListener } from "./create-request-listener.js";

// The OpenAI clients' routes at the HTTP layer: each body is decoded into the canonical request the router
// routes on, with the ingress that writes the answer; a bad body is a 400 in OpenAI's shape naming the field.

const config = (extra: Record<string, unknown> = {}) =>
  normalizeConfig({
    Providers: [{ name: "zai", api_base_url: "http://127.0.0.1:1/v1/chat/completions", models: ["glm-4.6"] }],
    Router: { default: "zai,glm-4.6" },
    ...extra,
  }).config;

function build(extra: Record<string, unknown> = {}) {
  const { router, calls } = scriptedRouter((call) => ({
    status: 200,
    headers: { "x-ccr-tier": "zai,glm-4.6" },
    body: call.options.ingress?.message({
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "glm-4.6",
      content: [{ type: "text", text: "hi" }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 3, output_tokens: 1 },
    }),
    stream: false,
    tier: "zai,glm-4.6",
    attempts: 1,
  }));
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const listener = createRequestListener({
    router,
    config: () => config(extra),
    logger: silent,
    version: "9.9.9",
    startedAt: 1_000_000,
  });
  return { app: inMemory(listener), calls };
}

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", authorization: "Bearer client", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

describe("POST /v1/chat/completions", () => {
  it("hands the router the canonical request and a Chat ingress carrying the client's own body", async () => {
    const { app, calls } = build();
    const body = { model: "zai,glm-4.6", messages: [{ role: "user", content: "hello" }], seed: 1 };
    const response = await app.request("/v1/chat/completions", post(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      object: "chat.completion",
      model: "zai,glm-4.6",
      choices: [{ message: { role: "assistant", content: "hi" }, finish_reason: "stop" }],
    });
    expect(calls[0]?.request).toMatchObject({
      model: "zai,glm-4.6",
      messages: [{ role: "user", content: "hello" }],
    });
    const ingress = calls[0]!.options.ingress as ChatIngress;
    expect(ingress.protocol).toBe("openai-chat");
    expect(ingress.request).toEqual(body);
  });

  it("answers a bad body with a 400 in OpenAI's shape naming the field", async () => {
    const { app, calls } = build();
    const response = await app.request(
      "/v1/chat/completions",
      post({ model: "m", messages: [{ role: "user", content: [{ type: "image_url", image_url: {} }] }] }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: "messages[0].content[0].image_url.url: is required",
        type: "invalid_request_error",
        param: "messages[0].content[0].image_url.url",
        code: null,
      },
    });
    expect(calls).toHaveLength(0);
  });

  it("answers a body that is not JSON, and n other than 1, in OpenAI's shape", async () => {
    const { app } = build();
    const broken = await app.request("/v1/chat/completions", post("{nope"));
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    const several = await app.request(
      "/v1/chat/completions",
      post({ model: "m", n: 3, messages: [{ role: "user", content: "x" }] }),
    );
    expect(await several.json()).toMatchObject({
      error: { param: "n", message: expect.stringContaining("n must be 1") },
    });
  });

  it("is served under a preset too", async () => {
    const { app, calls } = build();
    await app.request(
      "/preset/fast/v1/chat/completions",
      post({ model: "m", messages: [{ role: "user", content: "x" }] }),
    );
    expect(calls[0]?.options.preset).toBe("fast");
  });
});

describe("POST /v1/responses", () => {
  it("hands the router the canonical request and a Responses ingress, and answers with the response object", async () => {
    const { app, calls } = build();
    const response = await app.request(
      "/v1/responses",
      post({ model: "zai,glm-4.6", input: "hello", store: false, tools: [{ type: "web_search" }] }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      object: "response",
      status: "completed",
      model: "zai,glm-4.6",
      output: [{ type: "message", content: [{ type: "output_text", text: "hi" }] }],
      usage: { input_tokens: 3, output_tokens: 1, total_tokens: 4 },
    });
    expect(calls[0]?.request.messages).toEqual([{ role: "user", content: "hello" }]);
    expect((calls[0]!.options.ingress as ResponsesIngress).protocol).toBe("openai-responses");
  });

  it("refuses previous_response_id: CCR keeps no responses", async () => {
    const { app } = build();
    const response = await app.request(
      "/v1/responses",
      post({ model: "m", input: "x", previous_response_id: "resp_1" }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { param: "previous_response_id", message: expect.stringContaining("CCR keeps no responses") },
    });
  });
});

describe("GET /v1/models and errors for OpenAI clients", () => {
  it("lists the models in OpenAI's shape for a bearer-token client, Anthropic's for an Anthropic client", async () => {
    const { app } = build();
    const openai = await (await app.request("/v1/models", { headers: { authorization: "Bearer k" } })).json();
    expect(openai).toEqual({
      object: "list",
      data: [{ id: "zai,glm-4.6", object: "model", created: 1000, owned_by: "zai" }],
    });
    const claude = await (
      await app.request("/v1/models", {
        headers: { authorization: "Bearer k", "anthropic-version": "2023-06-01" },
      })
    ).json();
    expect(claude).toMatchObject({ data: [{ type: "model", id: "zai,glm-4.6" }], has_more: false });
  });

  it("refuses a missing key in OpenAI's shape on OpenAI routes", async () => {
    const { app } = build({ APIKEY: "sekret" });
    const response = await app.request("/v1/chat/completions", post({ model: "m", messages: [] }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { type: "authentication_error", code: "invalid_api_key", param: null },
    });
    const models = await app.request("/v1/models", { headers: { authorization: "Bearer wrong" } });
    expect(await models.json()).toMatchObject({ error: { code: "invalid_api_key" } });
  });

  it("answers an unknown route in the client's shape", async () => {
    const { app } = build();
    const response = await app.request("/v1/embeddings", post({}));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: "not_found_error", param: null } });
  });
});
