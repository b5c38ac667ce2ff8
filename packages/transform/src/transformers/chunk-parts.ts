import type { OpenAIChatChunk, OpenAIChunkDelta } from "../types/openai.js";

/** A chunk like `template` (same id, model, created) carrying only `delta`, without usage. */
export function chunkWithDelta(
  template: OpenAIChatChunk,
  delta: OpenAIChunkDelta,
  finishReason: string | null = null,
): OpenAIChatChunk {
  const { choices: _choices, usage: _usage, ...rest } = template;
  return { ...rest, choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

/** `chunk` with its first choice's delta replaced, everything else kept. */
export function replaceDelta(chunk: OpenAIChatChunk, delta: OpenAIChunkDelta): OpenAIChatChunk {
  const [first, ...others] = chunk.choices ?? [];
  return { ...chunk, choices: [{ ...first, delta }, ...others] };
}

/** A delta without one key (a new object: deltas are never mutated). */
export function omitDeltaKey(delta: OpenAIChunkDelta, key: keyof OpenAIChunkDelta): OpenAIChunkDelta {
  const { [key]: _removed, ...rest } = delta;
  return rest;
}
