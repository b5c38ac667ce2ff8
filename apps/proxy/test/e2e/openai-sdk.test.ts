import {
  anthropicText,
  anthropicTextStream,
  anthropicToolUse,
  anthropicToolUseStream,
  type Behaviour,
  type FakeAnthropic,
  type FakeOpenAI,
  openaiText,
  openaiTextFrames,
  openaiTextStream,
  openaiToolCall,
  openaiToolCallStream,
  type RunningProxy,
  rateLimited,
  startFakeAnthropic,
  startFakeOpenAI,
  startProxy,
} from "@ccr/testkit";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cascadeConfig } from "./support.js";

// The proxy as an OpenAI API, through the official `openai` SDK: Chat Completions and the Responses API, with
// tier 0 always rate-limited, so every answer also proves the cascade under a real OpenAI client. Tier 1 is
// an OpenAI-compatible fake (a Chat client's request passes through) or an Anthropic-native one (translated).

interface TierKind {
  readonly name: string;
  start(): Promise<FakeOpenAI | FakeAnthropic>;
  text(text: string): Behaviour;
  textStream(pieces: string[]): Behaviour;
  toolCall(call: { id: string; name: string; input: Record<string, unknown> }): Behaviour;
  toolCallStream(call: { id: string; name: string; input: Record<string, unknown> }): Behaviour;
  /** The tool result the upstream received in its last request. */
  sentToolResult(body: unknown): string | undefined;
}

const openAICompatible: TierKind = {
  name: "an OpenAI-compatible tier",
  start: () => startFakeOpenAI([]),
  text: (text) => openaiText(text),
  textStream: (pieces) => openaiTextStream(pieces),
  toolCall: (call) => openaiToolCall({ id: call.id, name: call.name, arguments: call.input }),
  toolCallStream: (call) => openaiToolCallStream({ id: call.id, name: call.name, arguments: call.input }),
  sentToolResult: (body) =>
    (body as { messages: { role: string; content: unknown }[] }).messages
      .filter((message) => message.role === "tool")
      .map((message) => JSON.stringify(message.content))
      .at(-1),
};

const anthropicNative: TierKind = {
  name: "an Anthropic-native tier",
  start: () => startFakeAnthropic([]),
  text: (text) => anthropicText(text),
  textStream: (pieces) => anthropicTextStream(pieces),
  toolCall: (call) => anthropicToolUse(call),
  toolCallStream: (call) => anthropicToolUseStream(call),
  sentToolResult: (body) =>
    (body as { messages: { content: unknown }[] }).messages
      .flatMap((message) => (Array.isArray(message.content) ? message.content : []))
      .filter((block: { type?: string }) => block.type === "tool_result")
      .map((block) => JSON.stringify(block))
      .at(-1),
};

const weatherTool = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Weather of a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

describe.each([openAICompatible, anthropicNative])(
  "the openai SDK through a rate-limited tier 0 to $name",
  (kind) => {
    let proxy: RunningProxy;
    let limited: FakeOpenAI;
    let provider: FakeOpenAI | FakeAnthropic;
    let client: OpenAI;

    beforeAll(async () => {
      limited = await startFakeOpenAI(() => rateLimited(1));
      provider = await kind.start();
      proxy = await startProxy({ config: cascadeConfig({ a: limited, b: provider }) });
      client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: "anything", maxRetries: 0 });
    });

    afterAll(async () => {
      await proxy?.stop();
      await limited?.close();
      await provider?.close();
    });

    it("chat.completions.create answers, from tier 1", async () => {
      provider.enqueue(kind.text("Hello from tier 1"));
      const { data, response } = await client.chat.completions
        .create({ model: "a,a-model", messages: [{ role: "user", content: "hi" }] })
        .withResponse();
      expect(data.object).toBe("chat.completion");
      expect(data.model).toBe("a,a-model");
      expect(data.choices[0]?.message.content).toBe("Hello from tier 1");
      expect(data.choices[0]?.finish_reason).toBe("stop");
      expect(data.usage?.completion_tokens).toBeGreaterThan(0);
      expect(response.headers.get("x-ccr-tier")).toBe("b,b-model");
    });

    it("chat.completions.create streams, with usage in the last chunk when asked", async () => {
      provider.enqueue(kind.textStream(["Hel", "lo ", "stream"]));
      const stream = await client.chat.completions.create({
        model: "a,a-model",
        messages: [{ role: "user", content: "hi" }],
        stream: true,
        stream_options: { include_usage: true },
      });
      let text = "";
      let finish: string | null | undefined;
      let usage: OpenAI.CompletionUsage | null | undefined;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? "";
        finish = chunk.choices[0]?.finish_reason ?? finish;
        if (chunk.usage) usage = chunk.usage;
      }
      expect(text).toBe("Hello stream");
      expect(finish).toBe("stop");
      expect(usage).toMatchObject({
        prompt_tokens: expect.any(Number),
        completion_tokens: expect.any(Number),
      });
    });

    it("chat.completions.stream(...).finalChatCompletion() calls a tool, and the result goes back upstream", async () => {
      provider.enqueue(kind.toolCallStream({ id: "call_w1", name: "get_weather", input: { city: "Oslo" } }));
      const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: "weather in Oslo?" }];
      const final = await client.chat.completions
        .stream({ model: "a,a-model", messages, tools: [weatherTool] })
        .finalChatCompletion();
      const call = final.choices[0]?.message.tool_calls?.[0];
      expect(final.choices[0]?.finish_reason).toBe("tool_calls");
      expect(call).toMatchObject({ type: "function", function: { name: "get_weather" } });
      expect(JSON.parse((call as { function: { arguments: string } }).function.arguments)).toEqual({
        city: "Oslo",
      });

      provider.enqueue(kind.text("It is cold in Oslo"));
      const answer = await client.chat.completions.create({
        model: "a,a-model",
        tools: [weatherTool],
        messages: [
          ...messages,
          final.choices[0]!.message,
          { role: "tool", tool_call_id: call!.id, content: "-5C and snowing" },
        ],
      });
      expect(answer.choices[0]?.message.content).toBe("It is cold in Oslo");
      expect(kind.sentToolResult(provider.requests.at(-1)!.body)).toContain("-5C and snowing");
    });

    it("responses.create answers with the response object", async () => {
      provider.enqueue(kind.text("Hello, Responses"));
      const response = await client.responses.create({ model: "a,a-model", input: "hi", store: false });
      expect(response.object).toBe("response");
      expect(response.status).toBe("completed");
      expect(response.output_text).toBe("Hello, Responses");
      expect(response.usage?.output_tokens).toBeGreaterThan(0);
    });

    it("responses.stream(...).finalResponse() calls a function, and its output goes back upstream", async () => {
      provider.enqueue(kind.toolCallStream({ id: "call_r1", name: "get_weather", input: { city: "Lima" } }));
      const tools: OpenAI.Responses.Tool[] = [
        {
          type: "function",
          name: "get_weather",
          description: "Weather of a city",
          parameters: weatherTool.function.parameters,
          strict: false,
        },
        { type: "web_search" },
      ];
      const final = await client.responses
        .stream({ model: "a,a-model", input: "weather in Lima?", tools, store: false })
        .finalResponse();
      const call = final.output.find((item) => item.type === "function_call");
      expect(call).toMatchObject({ type: "function_call", name: "get_weather", status: "completed" });
      expect(JSON.parse((call as { arguments: string }).arguments)).toEqual({ city: "Lima" });

      provider.enqueue(kind.textStream(["Warm ", "in Lima"]));
      const next = await client.responses
        .stream({
          model: "a,a-model",
          tools,
          store: false,
          input: [
            { role: "user", content: "weather in Lima?" },
            call as OpenAI.Responses.ResponseFunctionToolCall,
            { type: "function_call_output", call_id: (call as { call_id: string }).call_id, output: "25C" },
          ],
        })
        .finalResponse();
      expect(next.output_text).toBe("Warm in Lima");
      expect(kind.sentToolResult(provider.requests.at(-1)!.body)).toContain("25C");
    });

    it("surfaces a bad request as the SDK's BadRequestError naming the field", async () => {
      const error = await client.chat.completions
        .create({ model: "a,a-model", n: 2, messages: [{ role: "user", content: "hi" }] })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ status: 400, param: "n", type: "invalid_request_error" });
    });
  },
);

describe("a stream that fails after it began, under the openai SDK", () => {
  let proxy: RunningProxy;
  let provider: FakeOpenAI;

  beforeAll(async () => {
    provider = await startFakeOpenAI([]);
    proxy = await startProxy({ config: cascadeConfig({ a: provider }, { max_retries: 0 }) });
  });

  afterAll(async () => {
    await proxy?.stop();
    await provider?.close();
  });

  it("ends with an error the SDK throws, never as a quietly truncated answer", async () => {
    const client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: "anything", maxRetries: 0 });
    // The upstream's connection is cut before its finish_reason: the chunks sent so far arrive, then an error.
    const frames = openaiTextFrames(["partial ", "answer"]).slice(0, -2);
    provider.enqueue({ kind: "sse", frames, after: "break" });
    let text = "";
    const consume = async () => {
      const stream = await client.chat.completions.create({
        model: "a,a-model",
        messages: [{ role: "user", content: "hi" }],
        stream: true,
      });
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    };
    await expect(consume()).rejects.toBeInstanceOf(OpenAI.APIError);
    expect(text).toBe("partial answer");
  });
});
