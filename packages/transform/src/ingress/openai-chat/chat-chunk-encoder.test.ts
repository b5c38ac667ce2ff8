import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anthropicEventsFixture, eventsToSse, sdkFinalMessage } from "../../__fixtures__/anthropic-sse.js";
import { byteStream, readAllText } from "../../__fixtures__/chunks-to-sse.js";
import { UpstreamResponseError } from "../../errors/upstream-response-error.js";
import { anthropicStreamDecoder } from "../../passthrough/anthropic-passthrough-stream.js";
import { openAIToAnthropicStream } from "../../stream/openai-to-anthropic-stream.js";
import { translateStream } from "../../stream/stream-translation.js";
import { translationStream } from "../../stream/web-streams.js";
import { createTranslationContext } from "../../translation-context.js";
import type { OpenAIChatChunk } from "../../types/openai.js";
import { chatChunkEncoder } from "./chat-chunk-encoder.js";

const encoder = new TextEncoder();

function fixtureBytes(name: string): Uint8Array {
  return encoder.encode(eventsToSse(anthropicEventsFixture(name)));
}

/** An Anthropic upstream's recorded stream, as a Chat Completions client gets it. */
function chatStream(includeUsage = true): TransformStream<Uint8Array, Uint8Array> {
  return translationStream(() =>
    translateStream(
      (events) => anthropicStreamDecoder("glm-4.6", events),
      chatChunkEncoder({ model: "my-alias", created: 1764072000, includeUsage }),
    ),
  );
}

function translate(name: string, cuts: number[] = [], includeUsage = true): Promise<string> {
  return readAllText(byteStream(fixtureBytes(name), cuts).pipeThrough(chatStream(includeUsage)));
}

/** `data:` payloads of an OpenAI SSE text. */
function dataLines(text: string): string[] {
  return text
    .split("\n\n")
    .filter((frame) => frame !== "")
    .map((frame) => {
      expect(frame.startsWith("data: ")).toBe(true);
      return frame.slice(6);
    });
}

describe("chatChunkEncoder", () => {
  it("writes chat.completion.chunk frames, the usage chunk and [DONE]", async () => {
    const frames = dataLines(await translate("anthropic-tool-use"));
    expect(frames.at(-1)).toBe("[DONE]");
    const chunks = frames.slice(0, -1).map((frame) => JSON.parse(frame) as OpenAIChatChunk);
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({
        id: "chatcmpl-01XFDUDYJgAACzvnptvVoYEL",
        object: "chat.completion.chunk",
        created: 1764072000,
        model: "my-alias",
      });
    }
    expect(chunks.map((chunk) => chunk.choices?.[0]?.delta ?? chunk.usage)).toMatchInlineSnapshot(`
      [
        {
          "content": "",
          "role": "assistant",
        },
        {
          "reasoning_content": "The user wants the file listing; ",
        },
        {
          "reasoning_content": "I'll run ls — ünïcode ok.",
        },
        {
          "content": "Let me list ",
        },
        {
          "content": "the files 📁.",
        },
        {
          "tool_calls": [
            {
              "function": {
                "arguments": "",
                "name": "Bash",
              },
              "id": "toolu_01T1x1fJ34qAmk2tNTrN7Up6",
              "index": 0,
              "type": "function",
            },
          ],
        },
        {
          "tool_calls": [
            {
              "function": {
                "arguments": "{"command": "ls -la", ",
              },
              "index": 0,
            },
          ],
        },
        {
          "tool_calls": [
            {
              "function": {
                "arguments": ""description": "List files"}",
              },
              "index": 0,
            },
          ],
        },
        {},
        {
          "completion_tokens": 89,
          "prompt_tokens": 13359,
          "prompt_tokens_details": {
            "cached_tokens": 11264,
          },
          "total_tokens": 13448,
        },
      ]
    `);
    expect(chunks.at(-2)?.choices?.[0]?.finish_reason).toBe("tool_calls");
    expect(chunks.at(-1)?.choices).toEqual([]);
  });

  it("leaves the usage chunk out unless stream_options.include_usage asked for it", async () => {
    const frames = dataLines(await translate("anthropic-tool-use", [], false));
    const chunks = frames.slice(0, -1).map((frame) => JSON.parse(frame) as OpenAIChatChunk);
    expect(chunks.every((chunk) => chunk.choices?.length === 1)).toBe(true);
    expect(frames.at(-1)).toBe("[DONE]");
  });

  it("gives the same output for any split of the input bytes", async () => {
    const whole = await translate("anthropic-tool-use");
    const length = fixtureBytes("anthropic-tool-use").length;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: length - 1 }), { maxLength: 20 }), async (cuts) => {
        expect(await translate("anthropic-tool-use", cuts)).toBe(whole);
      }),
      { numRuns: 50 },
    );
  });

  it("round-trips back through the OpenAI → Anthropic stream into the same message for the Anthropic SDK", async () => {
    const anthropic = byteStream(fixtureBytes("anthropic-tool-use"))
      .pipeThrough(chatStream())
      .pipeThrough(openAIToAnthropicStream(createTranslationContext("glm-4.6", { stream: true })));
    const message = await sdkFinalMessage(anthropic);
    expect(message).toMatchObject({
      model: "glm-4.6",
      stop_reason: "tool_use",
      usage: { input_tokens: 2095, cache_read_input_tokens: 11264, output_tokens: 89 },
      content: [
        { type: "thinking", thinking: "The user wants the file listing; I'll run ls — ünïcode ok." },
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

  it("fails before content without a byte; later failures end with an error chunk and no [DONE]", async () => {
    await expect(translate("anthropic-error-first-frame")).rejects.toSatisfy(
      (error) => UpstreamResponseError.isInstance(error) && error.status === 529,
    );
    const mid = dataLines(await translate("anthropic-error-mid-stream"));
    expect(mid).not.toContain("[DONE]");
    expect(JSON.parse(mid.at(-1) as string)).toEqual({
      error: {
        message: "upstream error: Internal server error",
        type: "server_error",
        param: null,
        code: null,
      },
    });
    const cut = dataLines(await translate("anthropic-truncated"));
    expect(cut).not.toContain("[DONE]");
    expect(JSON.parse(cut.at(-1) as string)).toMatchObject({
      error: { message: "upstream stream ended unexpectedly" },
    });
  });
});
