import Anthropic from "@anthropic-ai/sdk";
import {
  type FakeOpenAI,
  openaiText,
  openaiTextStream,
  openaiToolCall,
  openaiToolCallStream,
  type RunningProxy,
  rateLimited,
  startFakeOpenAI,
  startProxy,
} from "@ccr/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cascadeConfig } from "./support.js";

// The proxy as an Anthropic API, through the official SDK: tier a is always rate-limited, so every
// answer also proves the cascade under a real client.

let proxy: RunningProxy;
let limited: FakeOpenAI;
let provider: FakeOpenAI;
let client: Anthropic;

beforeAll(async () => {
  limited = await startFakeOpenAI(() => rateLimited(1));
  provider = await startFakeOpenAI([]);
  proxy = await startProxy({ config: cascadeConfig({ a: limited, b: provider }) });
  client = new Anthropic({ baseURL: proxy.url, apiKey: "anything", maxRetries: 0 });
});

afterAll(async () => {
  await proxy?.stop();
  await limited?.close();
  await provider?.close();
});

const weatherTool = {
  name: "get_weather",
  description: "Weather of a city",
  input_schema: { type: "object" as const, properties: { city: { type: "string" } }, required: ["city"] },
};

describe("the proxy under @anthropic-ai/sdk", () => {
  it("answers a non-streaming message", async () => {
    provider.enqueue(openaiText("Hello from the fake"));
    const message = await client.messages.create({
      model: "claude-opus-5-5",
      max_tokens: 100,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(message.type).toBe("message");
    expect(message.content).toEqual([expect.objectContaining({ type: "text", text: "Hello from the fake" })]);
    expect(message.stop_reason).toBe("end_turn");
    expect(message.usage.output_tokens).toBeGreaterThan(0);
  });

  it("streams a message", async () => {
    provider.enqueue(openaiTextStream(["Hel", "lo ", "stream"]));
    const stream = client.messages.stream({
      model: "claude-opus-5-5",
      max_tokens: 100,
      messages: [{ role: "user", content: "hi" }],
    });
    const deltas: string[] = [];
    stream.on("text", (text) => deltas.push(text));
    const final = await stream.finalMessage();
    expect(deltas.join("")).toBe("Hello stream");
    expect(final.content).toEqual([expect.objectContaining({ type: "text", text: "Hello stream" })]);
    expect(final.stop_reason).toBe("end_turn");
  });

  it("uses a tool, non-streaming", async () => {
    provider.enqueue(openaiToolCall({ id: "call_1", name: "get_weather", arguments: { city: "Paris" } }));
    const message = await client.messages.create({
      model: "claude-opus-5-5",
      max_tokens: 100,
      tools: [weatherTool],
      messages: [{ role: "user", content: "weather in Paris?" }],
    });
    expect(message.stop_reason).toBe("tool_use");
    const toolUse = message.content.find((block) => block.type === "tool_use");
    expect(toolUse).toMatchObject({ name: "get_weather", input: { city: "Paris" } });
    const sent = provider.requests.at(-1)!.body as { tools: { function: { name: string } }[] };
    expect(sent.tools[0]!.function.name).toBe("get_weather");
  });

  it("uses a tool, streaming, and sends the tool result back", async () => {
    provider.enqueue(
      openaiToolCallStream({ id: "call_2", name: "get_weather", arguments: { city: "Oslo" } }),
    );
    const final = await client.messages
      .stream({
        model: "claude-opus-5-5",
        max_tokens: 100,
        tools: [weatherTool],
        messages: [{ role: "user", content: "weather in Oslo?" }],
      })
      .finalMessage();
    const toolUse = final.content.find((block) => block.type === "tool_use");
    expect(toolUse).toMatchObject({ name: "get_weather", input: { city: "Oslo" } });

    provider.enqueue(openaiText("It is cold in Oslo"));
    const answer = await client.messages.create({
      model: "claude-opus-5-5",
      max_tokens: 100,
      tools: [weatherTool],
      messages: [
        { role: "user", content: "weather in Oslo?" },
        { role: "assistant", content: final.content },
        { role: "user", content: [{ type: "tool_result", tool_use_id: toolUse!.id, content: "-5C" }] },
      ],
    });
    expect(answer.content).toEqual([expect.objectContaining({ text: "It is cold in Oslo" })]);
    const sent = provider.requests.at(-1)!.body as { messages: { role: string; content: unknown }[] };
    expect(sent.messages.some((m) => m.role === "tool" && JSON.stringify(m.content).includes("-5C"))).toBe(
      true,
    );
  });

  it("counts tokens", async () => {
    const small = await client.messages.countTokens({
      model: "claude-opus-5-5",
      messages: [{ role: "user", content: "hi" }],
    });
    const large = await client.messages.countTokens({
      model: "claude-opus-5-5",
      messages: [{ role: "user", content: "hello world ".repeat(500) }],
    });
    expect(small.input_tokens).toBeGreaterThan(0);
    expect(large.input_tokens).toBeGreaterThan(small.input_tokens * 10);
  });

  it("surfaces the proxy's errors as SDK errors", async () => {
    await expect(
      client.messages.create({ model: "claude-opus-5-5", max_tokens: 0, messages: [] }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
