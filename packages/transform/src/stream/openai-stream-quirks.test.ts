import Anthropic from "@anthropic-ai/sdk";
import type { Message } from "@anthropic-ai/sdk/resources/messages";
import { describe, expect, it } from "vitest";
import { byteStream, parseSseText, readAllText } from "../__fixtures__/chunks-to-sse.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { createTranslationContext } from "../translation-context.js";
import { openAIToAnthropicStream, type StreamTranslationOptions } from "./openai-to-anthropic-stream.js";

/**
 * What real OpenAI-compatible servers do that the reference API does not,
 * each checked against the Anthropic SDK and against the event rules Claude
 * Code relies on (indices from 0, no delta outside its open block).
 */

const encoder = new TextEncoder();

function sse(chunks: object[], done = true): Uint8Array {
  const frames = chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("");
  return encoder.encode(done ? `${frames}data: [DONE]\n\n` : frames);
}

function delta(value: object, finish: string | null = null, extra: object = {}) {
  return { id: "c", choices: [{ index: 0, delta: value, finish_reason: finish }], ...extra };
}

function output(bytes: Uint8Array, options?: StreamTranslationOptions): ReadableStream<Uint8Array> {
  return byteStream(bytes).pipeThrough(
    openAIToAnthropicStream(createTranslationContext("claude-sonnet-4-5", { stream: true }), options),
  );
}

async function events(bytes: Uint8Array, options?: StreamTranslationOptions) {
  const parsed = parseSseText(await readAllText(output(bytes, options)));
  expectWellFormed(parsed.map((event) => event.data as Record<string, unknown>));
  return parsed.map((event) => event.data as Record<string, unknown>);
}

function sdkMessage(bytes: Uint8Array, options?: StreamTranslationOptions): Promise<Message> {
  const client = new Anthropic({
    apiKey: "test",
    baseURL: "http://sdk.test",
    maxRetries: 0,
    fetch: async () =>
      new Response(output(bytes, options), { headers: { "content-type": "text/event-stream" } }),
  });
  return client.messages
    .stream({ model: "m", max_tokens: 1024, messages: [{ role: "user", content: "hi" }] })
    .finalMessage();
}

/** Claude Code's reading of a stream: blocks numbered from 0 in order, deltas only to the open block. */
function expectWellFormed(list: Array<Record<string, unknown>>): void {
  let open: number | undefined;
  let next = 0;
  for (const event of list) {
    if (event.type === "content_block_start") {
      expect(open).toBeUndefined();
      expect(event.index).toBe(next++);
      open = event.index as number;
    } else if (event.type === "content_block_delta") {
      expect(event.index).toBe(open);
    } else if (event.type === "content_block_stop") {
      expect(event.index).toBe(open);
      open = undefined;
    }
  }
  expect(open).toBeUndefined();
}

const read = { index: 0, id: "call_1", type: "function", function: { name: "Read", arguments: "" } };

describe("stream quirks of OpenAI-compatible servers", () => {
  it("ends the turn when finish_reason is tool_calls but no tool call came", async () => {
    const message = await sdkMessage(sse([delta({ content: "Done." }, "tool_calls")]));
    expect(message.stop_reason).toBe("end_turn");
    expect(message.content).toEqual([{ type: "text", text: "Done." }]);
  });

  it("opens no block for a role-only first chunk, empty or null content", async () => {
    const list = await events(
      sse([
        delta({ role: "assistant", content: "" }),
        delta({ content: null }),
        delta({ content: "", reasoning_content: null }),
        delta({ content: "hi" }),
        delta({}, "stop"),
      ]),
    );
    expect(list.filter((event) => event.type === "content_block_start")).toHaveLength(1);
  });

  it("takes tool arguments sent as an object instead of a JSON string", async () => {
    const message = await sdkMessage(
      sse([
        delta({ tool_calls: [{ ...read, function: { name: "Read", arguments: { file_path: "/a" } } }] }),
        delta({}, "tool_calls"),
      ]),
    );
    expect(message.content).toEqual([
      { type: "tool_use", id: "call_1", name: "Read", input: { file_path: "/a" } },
    ]);
  });

  it("keeps one call when the id and the full name are repeated in every piece", async () => {
    const message = await sdkMessage(
      sse([
        delta({ tool_calls: [{ ...read, function: { name: "Read", arguments: '{"file_' } }] }),
        delta({ tool_calls: [{ ...read, function: { name: "Read", arguments: 'path":"/a"}' } }] }),
        delta({}, "tool_calls"),
      ]),
    );
    expect(message.content).toEqual([
      { type: "tool_use", id: "call_1", name: "Read", input: { file_path: "/a" } },
    ]);
    expect(message.stop_reason).toBe("tool_use");
  });

  it("never sends arguments to a closed block when text interrupts a tool call", async () => {
    const bytes = sse([
      delta({ tool_calls: [{ ...read, function: { name: "Read", arguments: '{"file_path":' } }] }),
      delta({ content: "\n" }),
      delta({ tool_calls: [{ index: 0, function: { arguments: '"/a"}' } }] }),
      delta({}, "tool_calls"),
    ]);
    await events(bytes);
    const message = await sdkMessage(bytes);
    expect(message.content).toEqual([
      { type: "tool_use", id: "call_1", name: "Read", input: { file_path: "/a" } },
      { type: "text", text: "\n" },
    ]);
  });

  it("sends nothing to a tool block already closed when whitespace trails its complete JSON", async () => {
    await events(
      sse([
        delta({ tool_calls: [{ ...read, function: { name: "Read", arguments: '{"file_path":"/a"}' } }] }),
        delta({ content: "Reading." }),
        delta({ tool_calls: [{ index: 0, function: { arguments: " " } }] }),
        delta({}, "tool_calls"),
      ]),
    );
  });

  it("says tool_use when the stream ends with [DONE] after tool calls and no finish_reason", async () => {
    const message = await sdkMessage(
      sse([
        delta({ tool_calls: [{ ...read, function: { name: "Read", arguments: '{"file_path":"/a"}' } }] }),
      ]),
    );
    expect(message.stop_reason).toBe("tool_use");
    expect(message.content).toHaveLength(1);
  });

  it("reports usage sent in the same chunk as finish_reason", async () => {
    const message = await sdkMessage(
      sse([
        delta({ content: "hi" }),
        delta({}, "stop", {
          usage: { prompt_tokens: 120, completion_tokens: 7, prompt_tokens_details: { cached_tokens: 100 } },
        }),
      ]),
    );
    expect(message.usage).toMatchObject({ input_tokens: 20, output_tokens: 7, cache_read_input_tokens: 100 });
  });

  it("estimates output tokens when the upstream reports no usage at all, and still ends properly", async () => {
    const list = await events(sse([delta({ content: "x".repeat(400) }), delta({}, "stop")]));
    const final = list.find((event) => event.type === "message_delta") as { usage: Record<string, number> };
    expect(final.usage.output_tokens).toBe(100);
    expect(list.at(-1)).toEqual({ type: "message_stop" });
  });

  it("follows choice 0 only when the upstream streams several choices", async () => {
    const message = await sdkMessage(
      sse([
        delta({ content: "zero" }),
        { id: "c", choices: [{ index: 1, delta: { content: "one" }, finish_reason: null }] },
        { id: "c", choices: [{ index: 1, delta: {}, finish_reason: "length" }] },
        delta({}, "stop"),
      ]),
    );
    expect(message.content).toEqual([{ type: "text", text: "zero" }]);
    expect(message.stop_reason).toBe("end_turn");
  });

  it.each([
    ["MiniMax base_resp", { base_resp: { status_code: 1002, status_msg: "rate limit exceeded(RPM)" } }, 429],
    ["a bare message and code", { message: "Model is overloaded", code: 503 }, 503],
    ["an error string", { error: "quota exhausted" }, 502],
  ])("errors the stream when the first frame is %s", async (_name, frame, status) => {
    const failure = await readAllText(output(sse([frame]))).catch((error: unknown) => error);
    expect(UpstreamResponseError.isInstance(failure)).toBe(true);
    expect((failure as UpstreamResponseError).status).toBe(status);
  });

  it("reads a legacy streamed function_call as a tool call", async () => {
    const message = await sdkMessage(
      sse([
        delta({ function_call: { name: "Read", arguments: '{"file_path":' } }),
        delta({ function_call: { arguments: '"/a"}' } }),
        delta({}, "function_call"),
      ]),
    );
    expect(message.content).toMatchObject([{ type: "tool_use", name: "Read", input: { file_path: "/a" } }]);
    expect(message.stop_reason).toBe("tool_use");
  });

  it("keeps two interleaved calls exact over a long stream of small pieces", async () => {
    const piece = (index: number, text: string) =>
      delta({ tool_calls: [{ index, function: { arguments: text } }] });
    const pieces = Array.from({ length: 3000 }, () => [piece(0, "ab"), piece(1, "cd")]).flat();
    const message = await sdkMessage(
      sse([
        delta({ tool_calls: [read, { ...read, index: 1, id: "call_2" }] }),
        piece(0, '{"content":"'),
        piece(1, '{"content":"'),
        ...pieces,
        piece(0, '"}'),
        piece(1, '"}'),
        delta({}, "tool_calls"),
      ]),
    );
    expect(message.content).toMatchObject([
      { type: "tool_use", id: "call_1", input: { content: "ab".repeat(3000) } },
      { type: "tool_use", id: "call_2", input: { content: "cd".repeat(3000) } },
    ]);
  });

  it("keeps a tool call's arguments exact over a long stream of small pieces", async () => {
    const pieces = Array.from({ length: 5000 }, (_, i) =>
      delta({ tool_calls: [{ index: 0, function: { arguments: i === 0 ? '{"content":"' : "ab" } }] }),
    );
    const message = await sdkMessage(
      sse([
        delta({ tool_calls: [read] }),
        ...pieces,
        delta({ tool_calls: [{ index: 0, function: { arguments: '"}' } }] }),
        delta({}, "tool_calls"),
      ]),
    );
    expect(message.content[0]).toMatchObject({ type: "tool_use", input: { content: "ab".repeat(4999) } });
  });
});
