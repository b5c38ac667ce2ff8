import type { OpenAIChatChunk, OpenAIChunkDelta } from "../types/openai.js";

/**
 * A long OpenAI stream for throughput measurements: reasoning, then text
 * in small pieces (as real providers send them), then a tool call whose
 * arguments arrive in pieces, then the usage-only chunk.
 */
export function buildOpenAIStream(textPieces = 2000): string {
  const base = { id: "chatcmpl-bench", object: "chat.completion.chunk", created: 1764072000, model: "bench-model" };
  const chunk = (delta: OpenAIChunkDelta, finish: string | null = null): OpenAIChatChunk => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const chunks: OpenAIChatChunk[] = [chunk({ role: "assistant", content: "" })];
  for (let i = 0; i < 100; i++) chunks.push(chunk({ reasoning_content: "thinking about it " }));
  for (let i = 0; i < textPieces; i++) chunks.push(chunk({ content: i % 10 === 0 ? " héllo 你好" : " word" }));
  chunks.push(chunk({ tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: "Write", arguments: "" } }] }));
  for (let i = 0; i < 200; i++) chunks.push(chunk({ tool_calls: [{ index: 0, function: { arguments: i === 0 ? '{"content":"' : "line\\n" } }] }));
  chunks.push(chunk({ tool_calls: [{ index: 0, function: { arguments: '"}' } }] }));
  chunks.push(chunk({}, "tool_calls"));
  chunks.push({ ...base, choices: [], usage: { prompt_tokens: 20000, completion_tokens: 2400, total_tokens: 22400 } });
  return `${chunks.map((each) => `data: ${JSON.stringify(each)}\n\n`).join("")}data: [DONE]\n\n`;
}
