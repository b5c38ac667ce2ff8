import { bench, describe } from "vitest";
import { openAIToAnthropicTranslation } from "../stream/openai-to-anthropic-stream.js";
import { createTranslationContext } from "../translation-context.js";
import type { OpenAIChatChunk, OpenAIChunkDelta } from "../types/openai.js";

/**
 * A short reply as most upstreams stream it: a role chunk, 40 text pieces,
 * the finish chunk and the usage-only chunk. Per-request overhead shows
 * here, where the long stream of translate.bench.ts hides it.
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
const frames = [...chunks.map((each) => `data: ${JSON.stringify(each)}\n\n`), "data: [DONE]\n\n"];
const encoder = new TextEncoder();
const whole = encoder.encode(frames.join(""));
/** One read per event, as a socket delivers a slowly generated reply. */
const perEvent = frames.map((frame) => encoder.encode(frame));

const context = createTranslationContext("claude-sonnet-4-5", { stream: true });

describe("stream, 43-chunk text reply", () => {
  bench("openAIToAnthropicTranslation, one read", () => {
    const translation = openAIToAnthropicTranslation(context);
    translation.push(whole);
    translation.end();
  });
  bench("openAIToAnthropicTranslation, one read per event", () => {
    const translation = openAIToAnthropicTranslation(context);
    for (const bytes of perEvent) translation.push(bytes);
    translation.end();
  });
});
