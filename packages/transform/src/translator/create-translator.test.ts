import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { anthropicEventsFixture, eventsToSse, sdkFinalMessage } from "../__fixtures__/anthropic-sse.js";
import { byteStream, chunksToSse, parseSseText, readAllText } from "../__fixtures__/chunks-to-sse.js";
import { pipeTranslator } from "../__fixtures__/tier-context.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import type { Transformer } from "../transformer/transformer.js";
import { createTransformerRegistry } from "../transformer/transformer-registry.js";
import { mapToolParameters } from "../transformers/map-tool-parameters.js";
import type { AnthropicMessagesRequest } from "../types/anthropic.js";
import type { OpenAIChatRequest } from "../types/openai.js";
import { createTranslator } from "./create-translator.js";

const encoder = new TextEncoder();

const request: AnthropicMessagesRequest = {
  model: "claude-sonnet-4-5-20250929",
  max_tokens: 32000,
  stream: true,
  system: [{ type: "text", text: "You are Claude Code.", cache_control: { type: "ephemeral" } }],
  messages: [
    { role: "user", content: "List the files." },
    {
      role: "assistant",
      content: [
        { type: "thinking", thinking: "Use ls.", signature: "sig" },
        { type: "tool_use", id: "toolu_01", name: "Bash", input: { command: "ls" } },
      ],
    },
    { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_01", content: "a.ts\nb.ts" }] },
  ],
  tools: [
    {
      name: "Bash",
      description: "Run a command",
      input_schema: {
        $schema: "http://json-schema.org/draft-07/schema#",
        type: "object",
        additionalProperties: false,
        properties: { command: { type: "string" } },
      },
    },
  ],
  thinking: { type: "adaptive" },
  output_config: { effort: "high" },
  context_management: { edits: [] },
};

function openAIFixture(name: string): ReadableStream<Uint8Array> {
  return byteStream(
    encoder.encode(
      chunksToSse(readFileSync(new URL(`../__fixtures__/${name}.chunks.txt`, import.meta.url), "utf8")),
    ),
  );
}

function anthropicFixture(name: string): ReadableStream<Uint8Array> {
  return byteStream(encoder.encode(eventsToSse(anthropicEventsFixture(name))));
}

describe("createTranslator, openai protocol", () => {
  it("composes the translation with the transformers' hooks, in order", async () => {
    // Stand-ins for provider transformers (which live in provider packages): a translation option, a body rewrite.
    const registry = createTransformerRegistry()
      .register("reasoning-back", () => ({
        name: "reasoning-back",
        translation: { reasoning: "reasoning_content", reasoningEffort: true },
      }))
      .register("strict-schemas", () => ({
        name: "strict-schemas",
        openaiRequest: (body) =>
          body.tools
            ? {
                ...body,
                tools: mapToolParameters(body.tools, ({ $schema, additionalProperties, ...kept }) => kept),
              }
            : body,
      }));
    const translator = createTranslator({
      protocol: "openai",
      model: "deepseek-chat",
      registry,
      transformers: [
        { name: "reasoning-back" },
        { name: "maxtoken", options: { max_tokens: 8192 } },
        { name: "strict-schemas" },
        { name: "customparams", options: { seed: 7 } },
      ],
    });
    const { body, headers, context } = await translator.request(request);
    expect(headers).toEqual({});
    expect(context).toMatchObject({
      protocol: "openai",
      model: "deepseek-chat",
      requestedModel: request.model,
      stream: true,
    });
    expect(body).toMatchInlineSnapshot(`
      {
        "max_tokens": 8192,
        "messages": [
          {
            "content": "You are Claude Code.",
            "role": "system",
          },
          {
            "content": "List the files.",
            "role": "user",
          },
          {
            "content": null,
            "reasoning_content": "Use ls.",
            "role": "assistant",
            "tool_calls": [
              {
                "function": {
                  "arguments": "{"command":"ls"}",
                  "name": "Bash",
                },
                "id": "toolu_01",
                "type": "function",
              },
            ],
          },
          {
            "content": "a.ts
      b.ts",
            "role": "tool",
            "tool_call_id": "toolu_01",
          },
        ],
        "model": "deepseek-chat",
        "reasoning_effort": "high",
        "seed": 7,
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
        "tools": [
          {
            "function": {
              "description": "Run a command",
              "name": "Bash",
              "parameters": {
                "properties": {
                  "command": {
                    "type": "string",
                  },
                },
                "type": "object",
              },
            },
            "type": "function",
          },
        ],
      }
    `);
    expect(request.tools?.[0]).toHaveProperty("input_schema.additionalProperties", false);
  });

  it("names the unknown transformer and the known ones", () => {
    expect(() =>
      createTranslator({ protocol: "openai", model: "m", transformers: [{ name: "nope" }] }),
    ).toThrow(
      /transformer "nope": unknown transformer\. Known transformers: anthropic, cleancache, customparams, enhancetool,/,
    );
  });

  it("runs response hooks in reverse order, and lets an error body through to the core check", async () => {
    const seen: string[] = [];
    const recorder = (name: string): Transformer => ({
      name,
      openaiResponse(body) {
        seen.push(name);
        return body;
      },
    });
    const registry = createTransformerRegistry()
      .register("first", () => recorder("first"))
      .register("second", () => recorder("second"));
    const translator = createTranslator({
      protocol: "openai",
      model: "m",
      registry,
      transformers: [{ name: "first" }, { name: "second" }],
    });
    const { context } = await translator.request({ ...request, stream: false });
    const { message, body } = await translator.response(
      {
        id: "x",
        choices: [{ index: 0, message: { role: "assistant", content: "Hi" }, finish_reason: "stop" }],
        usage: { prompt_tokens: 5, completion_tokens: 1 },
      },
      context,
    );
    expect(seen).toEqual(["second", "first"]);
    // An Anthropic client's answer is the canonical message itself.
    expect(body).toBe(message);
    expect(message).toMatchObject({
      model: request.model,
      content: [{ type: "text", text: "Hi" }],
      stop_reason: "end_turn",
    });

    await expect(
      translator.response({ error: { message: "Rate limit exceeded", code: 429 } }, context),
    ).rejects.toSatisfy((error) => UpstreamResponseError.isInstance(error) && error.status === 429);
    expect(seen).toEqual(["second", "first"]);
  });

  it("translates a Gemini stream through enhancetool into a message the Anthropic SDK accepts", async () => {
    const translator = createTranslator({
      protocol: "openai",
      model: "gemini-2.5-flash",
      transformers: [{ name: "enhancetool" }],
    });
    const { context } = await translator.request(request);
    const message = await sdkFinalMessage(
      pipeTranslator(openAIFixture("openai-gemini-tool-calls"), translator, context),
    );
    expect(message.content).toEqual([
      { type: "text", text: "I'll check both directories." },
      {
        type: "tool_use",
        id: "function-call-11538735373364733481",
        name: "Bash",
        input: { command: "ls -la src", description: "List src" },
      },
      {
        type: "tool_use",
        id: "function-call-4410269370581532086",
        name: "Bash",
        input: { command: "ls -la test", description: "List test" },
      },
    ]);
    expect(message.stop_reason).toBe("tool_use");
    expect(message.usage).toMatchObject({
      input_tokens: 1714,
      cache_read_input_tokens: 8120,
      output_tokens: 58,
    });
  });

  it("errors the stream when the upstream's first event is an error", async () => {
    const translator = createTranslator({
      protocol: "openai",
      model: "m",
      transformers: [{ name: "enhancetool" }],
    });
    const { context } = await translator.request(request);
    await expect(
      readAllText(pipeTranslator(openAIFixture("openai-error-first-frame"), translator, context)),
    ).rejects.toSatisfy((error) => UpstreamResponseError.isInstance(error));
  });

  it("runs raw stream hooks before the translation", async () => {
    const upper: Transformer = {
      name: "upper",
      openaiStream: (body) => {
        const decoder = new TextDecoder();
        const encoder = new TextEncoder();
        return body.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform: (bytes, controller) =>
              controller.enqueue(
                encoder.encode(decoder.decode(bytes, { stream: true }).replaceAll("Héllo", "HÉLLO")),
              ),
          }),
        );
      },
    };
    const registry = createTransformerRegistry().register("upper", () => upper);
    const translator = createTranslator({
      protocol: "openai",
      model: "m",
      registry,
      transformers: [{ name: "upper" }],
    });
    const { context } = await translator.request(request);
    const message = await sdkFinalMessage(pipeTranslator(openAIFixture("openai-text"), translator, context));
    expect(message.content[0]).toMatchObject({ type: "text", text: expect.stringMatching(/^HÉLLO wörld/) });
  });

  it("collects headers from transformers", async () => {
    const registry = createTransformerRegistry().register("tagged", () => ({
      name: "tagged",
      headers: (ctx) => ({ "x-model": ctx.model }),
    }));
    const translator = createTranslator({
      protocol: "openai",
      model: "m",
      registry,
      transformers: [{ name: "tagged" }],
    });
    expect((await translator.request(request)).headers).toEqual({ "x-model": "m" });
  });

  it("builds each transformer once per registry, however many translators use it", () => {
    let built = 0;
    const registry = createTransformerRegistry().register("counted", () => {
      built++;
      return { name: "counted" };
    });
    const specs = [{ name: "Counted", options: { a: 1 } }];
    createTranslator({ protocol: "openai", model: "m", registry, transformers: specs });
    createTranslator({
      protocol: "openai",
      model: "m",
      registry,
      transformers: [{ name: "counted", options: { a: 1 } }],
    });
    expect(built).toBe(1);
  });
});

describe("createTranslator, anthropic protocol (passthrough)", () => {
  it("replaces the model, keeps Anthropic fields and applies Anthropic-side hooks only", async () => {
    const translator = createTranslator({
      protocol: "anthropic",
      model: "glm-4.6",
      transformers: [
        { name: "anthropic" },
        { name: "maxtoken", options: { max_tokens: 16000 } },
        { name: "enhancetool" },
      ],
    });
    const { body, context } = await translator.request(request);
    expect(body).toEqual({ ...request, model: "glm-4.6", max_tokens: 16000 });
    expect(context.protocol).toBe("anthropic");
    const cleaned = await createTranslator({
      protocol: "anthropic",
      model: "glm-4.6",
      transformers: [{ name: "cleancache" }],
    }).request(request);
    expect(JSON.stringify(cleaned.body)).not.toContain("cache_control");
    expect((cleaned.body as OpenAIChatRequest).model).toBe("glm-4.6");
  });

  it("passes a message through with the client's model name, and throws on an error body", async () => {
    const translator = createTranslator({ protocol: "anthropic", model: "glm-4.6" });
    const { context } = await translator.request({ ...request, stream: false });
    const message = {
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "glm-4.6",
      content: [{ type: "text", text: "Hi" }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 3, output_tokens: 1 },
    };
    expect((await translator.response(message, context)).body).toEqual({ ...message, model: request.model });
    await expect(
      translator.response(
        { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
        context,
      ),
    ).rejects.toSatisfy(
      (error) => UpstreamResponseError.isInstance(error) && error.status === 529 && error.retryable,
    );
    await expect(translator.response("<html>bad gateway</html>", context)).rejects.toSatisfy(
      (error) => UpstreamResponseError.isInstance(error) && error.status === 502,
    );
  });

  it("passes a stream through; the Anthropic SDK reads the same message with the client's model", async () => {
    const translator = createTranslator({ protocol: "anthropic", model: "glm-4.6" });
    const { context } = await translator.request(request);
    const message = await sdkFinalMessage(
      pipeTranslator(anthropicFixture("anthropic-tool-use"), translator, context),
    );
    expect(message).toMatchObject({
      id: "msg_01XFDUDYJgAACzvnptvVoYEL",
      model: request.model,
      stop_reason: "tool_use",
      usage: { input_tokens: 2095, cache_read_input_tokens: 11264, output_tokens: 89 },
      content: [
        {
          type: "thinking",
          thinking: "The user wants the file listing; I'll run ls — ünïcode ok.",
          signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds",
        },
        { type: "text", text: "Let me list the files 📁." },
        {
          type: "tool_use",
          id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6",
          name: "Bash",
          input: { command: "ls -la", description: "List files" },
        },
      ],
    });
  });

  it("errors the stream on a first-frame error, frames a later one, and never passes a cut stream as complete", async () => {
    const translator = createTranslator({ protocol: "anthropic", model: "m" });
    const { context } = await translator.request(request);
    await expect(
      readAllText(pipeTranslator(anthropicFixture("anthropic-error-first-frame"), translator, context)),
    ).rejects.toSatisfy(
      (error) =>
        UpstreamResponseError.isInstance(error) &&
        error.status === 529 &&
        error.message === "upstream error: Overloaded",
    );
    const mid = parseSseText(
      await readAllText(pipeTranslator(anthropicFixture("anthropic-error-mid-stream"), translator, context)),
    );
    expect(mid.at(-1)).toEqual({
      event: "error",
      data: { type: "error", error: { type: "api_error", message: "Internal server error" } },
    });
    const cut = parseSseText(
      await readAllText(pipeTranslator(anthropicFixture("anthropic-truncated"), translator, context)),
    );
    expect(cut.map((event) => event.event)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "error",
    ]);
    expect(cut.at(-1)?.data).toMatchObject({ error: { message: "upstream stream ended unexpectedly" } });
  });

  it("reports a JSON error body sent with an event-stream content type", async () => {
    const translator = createTranslator({ protocol: "anthropic", model: "m" });
    const { context } = await translator.request(request);
    const body = byteStream(
      encoder.encode('{"type":"error","error":{"type":"rate_limit_error","message":"Slow down"}}'),
    );
    await expect(readAllText(pipeTranslator(body, translator, context))).rejects.toSatisfy(
      (error) =>
        UpstreamResponseError.isInstance(error) &&
        error.status === 429 &&
        error.message.includes("Slow down"),
    );
  });
});
