import { readFileSync } from "node:fs";
import { bench, describe } from "vitest";
import { buildClaudeCodeRequest } from "../__fixtures__/build-claude-code-request.js";
import { buildOpenAIStream } from "../__fixtures__/build-openai-stream.js";
import { anthropicToOpenAIRequest } from "../request/anthropic-to-openai-request.js";
import { openAIToAnthropicResponse } from "../response/openai-to-anthropic-response.js";
import { openAIToAnthropicStream } from "../stream/openai-to-anthropic-stream.js";
import { createTranslationContext } from "../translation-context.js";
import type { AnthropicMessagesRequest } from "../types/anthropic.js";
import type { OpenAIChatResponse } from "../types/openai.js";

const request = buildClaudeCodeRequest();
const requestKb = Math.round(JSON.stringify(request).length / 1024);
/** A request captured from Claude Code 2.1.332 (12 tools, 10 messages, deferred tool, adaptive thinking). */
const capturedText = readFileSync(
  new URL("../__fixtures__/claude-code-request.json", import.meta.url),
  "utf8",
);
const captured = JSON.parse(capturedText) as AnthropicMessagesRequest;
const capturedKb = Math.round(capturedText.length / 1024);

const streamBytes = new TextEncoder().encode(buildOpenAIStream());
const streamKb = Math.round(streamBytes.length / 1024);
/** Network-sized reads, as an upstream body arrives. */
const streamPieces = Array.from({ length: Math.ceil(streamBytes.length / 16384) }, (_, index) =>
  streamBytes.subarray(index * 16384, (index + 1) * 16384),
);

const response: OpenAIChatResponse = {
  id: "chatcmpl-bench",
  choices: [
    {
      message: {
        content: "Done. ".repeat(400),
        tool_calls: [
          {
            id: "call_1",
            type: "function",
            function: { name: "Write", arguments: JSON.stringify({ content: "x\n".repeat(2000) }) },
          },
        ],
      },
      finish_reason: "tool_calls",
    },
  ],
  usage: { prompt_tokens: 20000, completion_tokens: 900, prompt_tokens_details: { cached_tokens: 18000 } },
};

describe("request", () => {
  bench(`anthropicToOpenAIRequest, Claude Code request of ${requestKb} KB`, () => {
    anthropicToOpenAIRequest(request, { reasoningEffort: true });
  });
  bench(`anthropicToOpenAIRequest, captured Claude Code 2.1.332 request of ${capturedKb} KB`, () => {
    anthropicToOpenAIRequest(captured, { reasoningEffort: true });
  });
});

describe("response", () => {
  const context = createTranslationContext("claude-sonnet-4-5");
  bench("openAIToAnthropicResponse, text + 4 KB tool call", () => {
    openAIToAnthropicResponse(response, context);
  });
});

describe("stream", () => {
  bench(`openAIToAnthropicStream, ${streamKb} KB / 2300 chunks in 16 KB reads`, async () => {
    const translator = openAIToAnthropicStream(
      createTranslationContext("claude-sonnet-4-5", { stream: true }),
    );
    const reader = upstreamBody().pipeThrough(translator).getReader();
    while (!(await reader.read()).done) {
      // Drain: the cost measured is parsing, translating and encoding.
    }
  });
});

function upstreamBody(): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = streamPieces[next++];
      if (piece) controller.enqueue(piece);
      else controller.close();
    },
  });
}
