import { bench, describe } from "vitest";
import { chatChunkEncoder } from "../ingress/openai-chat/chat-chunk-encoder.js";
import { chatPassthroughTranslation } from "../ingress/openai-chat/chat-passthrough-stream.js";
import { responsesEventEncoder } from "../ingress/openai-responses/responses-event-encoder.js";
import {
  openAIChatStreamDecoder,
  openAIToAnthropicTranslation,
} from "../stream/openai-to-anthropic-stream.js";
import { translateStream } from "../stream/stream-translation.js";
import { createTranslationContext } from "../translation-context.js";
import type { OpenAIChatChunk, OpenAIChunkDelta } from "../types/openai.js";

/**
 * The same 43-chunk reply as stream-translate.bench.ts, one read per event, for each client protocol: what an
 * upstream chunk costs on its way to an Anthropic client (the baseline), to a Chat Completions client through
 * the passthrough, and to Responses API and Chat clients through the canonical events.
 */
const base = { id: "chatcmpl-bench", object: "chat.completion.chunk", created: 1, model: "bench-model" };
const chunk = (delta: OpenAIChunkDelta, finish: string | null = null): OpenAIChatChunk => ({
  ...base,
  choices: [{ index: 0, delta, finish_reason: finish }],
});
const chunks: OpenAIChatChunk[] = [
  chunk({ role: "assistant", content: "" }),
  ...Array.from({ length: 40 }, (_, i) => chunk({ content: `word${i} ` })),
  chunk({}, "stop"),
  { ...base, choices: [], usage: { prompt_tokens: 12, completion_tokens: 40, total_tokens: 52 } },
];
const encoder = new TextEncoder();
const perEvent = [...chunks.map((each) => `data: ${JSON.stringify(each)}\n\n`), "data: [DONE]\n\n"].map(
  (frame) => encoder.encode(frame),
);

const context = createTranslationContext("claude-sonnet-4-5", { stream: true });
const chatOptions = { model: "my-alias", created: 1, includeUsage: true };
const responsesOptions = {
  model: "my-alias",
  createdAt: 1,
  names: new Map(),
  reasoningSummary: true,
  echo: {},
};

function run(translation: { push(bytes: Uint8Array): string; end(): string }): void {
  for (const bytes of perEvent) translation.push(bytes);
  translation.end();
}

describe("stream, 43-chunk text reply from an OpenAI-compatible tier, one read per event", () => {
  bench("to an Anthropic client (canonical events)", () => {
    run(openAIToAnthropicTranslation(context));
  });
  bench("to a Chat Completions client (passthrough)", () => {
    run(
      chatPassthroughTranslation({
        requestedModel: "my-alias",
        includeUsage: true,
        encoder: () => chatChunkEncoder(chatOptions),
      }),
    );
  });
  bench("to a Chat Completions client (canonical events, as from an Anthropic tier)", () => {
    run(
      translateStream(
        (events) => openAIChatStreamDecoder(context, {}, events),
        chatChunkEncoder(chatOptions),
      ),
    );
  });
  bench("to a Responses API client (canonical events)", () => {
    run(
      translateStream(
        (events) => openAIChatStreamDecoder(context, {}, events),
        responsesEventEncoder(responsesOptions),
      ),
    );
  });
});
