import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { anthropicEventsFixture, eventsToSse } from "../__fixtures__/anthropic-sse.js";
import { byteStream, chunksToSse, readAllText } from "../__fixtures__/chunks-to-sse.js";
import { pipeTranslator } from "../__fixtures__/tier-context.js";
import { decodeChatRequest } from "../ingress/openai-chat/decode-chat-request.js";
import { decodeResponsesRequest } from "../ingress/openai-responses/decode-responses-request.js";
import type { Transformer } from "../transformer/transformer.js";
import { createTransformerRegistry } from "../transformer/transformer-registry.js";
import type { OpenAIChatRequest } from "../types/openai.js";
import { createTranslator } from "./create-translator.js";

// Which translation a request gets is chosen by the pair of protocols: the client's (its ingress) and the
// tier's. A Chat Completions client on an OpenAI-compatible tier is a passthrough; every other pair goes
// through the canonical form.

const encoder = new TextEncoder();

const chatBody = {
  model: "my-alias",
  stream: true,
  max_completion_tokens: 500,
  seed: 7,
  logit_bias: { "50256": -100 },
  response_format: { type: "json_object" },
  messages: [
    { role: "system", content: "Answer in JSON." },
    { role: "user", content: "hi" },
  ],
};

function openAIFixture(name: string): ReadableStream<Uint8Array> {
  const text = readFileSync(new URL(`../__fixtures__/${name}.chunks.txt`, import.meta.url), "utf8");
  return byteStream(encoder.encode(chunksToSse(text)));
}

describe("a Chat Completions client", () => {
  it("on an openai tier gets its own body through, with the tier's model and the tier's request hooks", async () => {
    const registry = createTransformerRegistry();
    const hook: Transformer = {
      name: "mark",
      openaiRequest: (body) => ({ ...body, marked: true }),
      anthropicRequest: () => {
        throw new Error("anthropicRequest must not run on a passthrough");
      },
    };
    registry.register("mark", () => hook);
    const translator = createTranslator({
      protocol: "openai",
      model: "glm-4.6",
      transformers: [{ name: "mark" }],
      registry,
    });
    const { request, ingress } = decodeChatRequest(chatBody);
    const clamped = { ...request, max_tokens: 300 };
    const { body } = await translator.request(clamped, ingress);
    expect(body).toEqual({
      ...chatBody,
      model: "glm-4.6",
      max_completion_tokens: 300,
      stream_options: { include_usage: true },
      marked: true,
    });
  });

  it("on an openai tier streams the upstream's chunks with its own model name", async () => {
    const translator = createTranslator({ protocol: "openai", model: "gpt-4.1" });
    const { request, ingress } = decodeChatRequest(chatBody);
    const { context } = await translator.request(request, ingress);
    const text = await readAllText(pipeTranslator(openAIFixture("openai-text"), translator, context));
    expect(text).toContain('"model":"my-alias"');
    expect(text).not.toContain("gpt-4.1-2025");
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it("on an openai tier gets the upstream's JSON answer with its own model name, and the canonical message", async () => {
    const translator = createTranslator({ protocol: "openai", model: "gpt-4.1" });
    const { request, ingress } = decodeChatRequest({ ...chatBody, stream: false });
    const { context } = await translator.request(request, ingress);
    const upstream = {
      id: "chatcmpl-1",
      object: "chat.completion",
      created: 1,
      model: "gpt-4.1-2025-04-14",
      system_fingerprint: "fp_1",
      choices: [
        { index: 0, message: { role: "assistant", content: "{}" }, finish_reason: "stop", logprobs: null },
      ],
      usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
    };
    const answer = await translator.response(upstream, context);
    expect(answer.body).toEqual({ ...upstream, model: "my-alias" });
    expect(answer.message.usage).toMatchObject({ input_tokens: 9, output_tokens: 2 });
  });

  it("on an anthropic tier is translated, and the Anthropic stream comes back as chunks", async () => {
    const translator = createTranslator({ protocol: "anthropic", model: "claude-sonnet-4-5" });
    const { request, ingress } = decodeChatRequest(chatBody);
    const { body, context } = await translator.request(request, ingress);
    expect(body).toMatchObject({
      model: "claude-sonnet-4-5",
      max_tokens: 500,
      system: expect.stringContaining("Answer with a single valid JSON object"),
      messages: [{ role: "user", content: "hi" }],
    });
    expect(body).not.toHaveProperty("seed");
    expect(body).not.toHaveProperty("logit_bias");
    const stream = byteStream(encoder.encode(eventsToSse(anthropicEventsFixture("anthropic-tool-use"))));
    const text = await readAllText(pipeTranslator(stream, translator, context));
    expect(text).toContain('"object":"chat.completion.chunk"');
    expect(text).toContain('"model":"my-alias"');
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
  });
});

describe("a Responses API client", () => {
  const responsesBody = {
    model: "codex-alias",
    stream: true,
    instructions: "You are Codex.",
    input: [{ type: "message", role: "user", content: [{ type: "input_text", text: "run ls" }] }],
    tools: [
      {
        type: "function",
        name: "exec_command",
        parameters: { type: "object", properties: { cmd: { type: "string" } } },
      },
      { type: "web_search" },
    ],
  };

  it("on an openai tier is translated to Chat Completions without the hosted tools", async () => {
    const translator = createTranslator({ protocol: "openai", model: "glm-4.6" });
    const { request, ingress } = decodeResponsesRequest(responsesBody);
    const { body } = await translator.request(request, ingress);
    const chat = body as OpenAIChatRequest;
    expect(chat.model).toBe("glm-4.6");
    expect(chat.messages).toEqual([
      { role: "system", content: "You are Codex." },
      { role: "user", content: "run ls" },
    ]);
    expect(chat.tools?.map((tool) => (tool as { function: { name: string } }).function.name)).toEqual([
      "exec_command",
    ]);
  });

  it("on an openai tier gets the Chat stream back as Responses events ending in response.completed", async () => {
    const translator = createTranslator({ protocol: "openai", model: "glm-4.6" });
    const { request, ingress } = decodeResponsesRequest(responsesBody);
    const { context } = await translator.request(request, ingress);
    const text = await readAllText(pipeTranslator(openAIFixture("openai-text"), translator, context));
    const types = [...text.matchAll(/^event: (.*)$/gm)].map((match) => match[1]);
    expect(types[0]).toBe("response.created");
    expect(types.at(-1)).toBe("response.completed");
    expect(types).toContain("response.output_text.delta");
  });
});
