import type { OpenAIChunkHook } from "../transformer/transformer.js";
import type { OpenAIChatChunk } from "../types/openai.js";

type HookResult = OpenAIChatChunk | OpenAIChatChunk[] | null;

/**
 * Chains chunk hooks: every chunk one hook returns goes through the next.
 * The chain's `flush` flushes each hook in order, sending what an earlier
 * hook still held through the later ones before they flush in turn.
 */
export function composeChunkHooks(hooks: readonly OpenAIChunkHook[]): OpenAIChunkHook | undefined {
  if (hooks.length <= 1) return hooks[0];
  const composed: OpenAIChunkHook = (chunk) => single(pass([chunk], 0));
  if (hooks.some((hook) => hook.flush)) {
    composed.flush = () => {
      let held: OpenAIChatChunk[] = [];
      hooks.forEach((hook, position) => {
        held = pass(held, position, position + 1);
        if (hook.flush) held.push(...list(hook.flush()));
      });
      return single(held);
    };
  }
  return composed;

  /** The chunks after hooks [from, to). */
  function pass(chunks: OpenAIChatChunk[], from: number, to = hooks.length): OpenAIChatChunk[] {
    let current = chunks;
    for (let position = from; position < to && current.length > 0; position++) {
      const hook = hooks[position] as OpenAIChunkHook;
      const next: OpenAIChatChunk[] = [];
      for (const each of current) next.push(...list(hook(each)));
      current = next;
    }
    return current;
  }
}

function list(result: HookResult): OpenAIChatChunk[] {
  if (result === null) return [];
  return Array.isArray(result) ? result : [result];
}

function single(chunks: OpenAIChatChunk[]): HookResult {
  if (chunks.length === 0) return null;
  return chunks.length === 1 ? (chunks[0] as OpenAIChatChunk) : chunks;
}
