import type { OpenAIChatChunk, OpenAIChunkDelta } from "../types/openai.js";

/**
 * A short reply as most upstreams stream it: a role chunk, 40 text pieces, the finish chunk, the usage-only
 * chunk and `[DONE]`, one SSE frame each. Per-request overhead shows here, where a long stream hides it.
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

/** The whole reply in one read, as a fast upstream's bytes arrive. */
export const shortReplyWhole = encoder.encode(frames.join(""));
/** One read per frame, as a socket delivers a slowly generated reply. */
export const shortReplyPerFrame = frames.map((frame) => encoder.encode(frame));
