import type { OpenAIChunkHook } from "../transformer/transformer.js";
import type { OpenAIChatChunk } from "../types/openai.js";

/** Chains chunk hooks: every chunk one hook returns goes through the next. */
export function composeChunkHooks(hooks: readonly OpenAIChunkHook[]): OpenAIChunkHook | undefined {
  if (hooks.length <= 1) return hooks[0];
  return (chunk) => {
    let current: OpenAIChatChunk[] = [chunk];
    for (const hook of hooks) {
      const next: OpenAIChatChunk[] = [];
      for (const each of current) {
        const result = hook(each);
        if (result === null) continue;
        if (Array.isArray(result)) next.push(...result);
        else next.push(result);
      }
      if (next.length === 0) return null;
      current = next;
    }
    return current.length === 1 ? (current[0] as OpenAIChatChunk) : current;
  };
}
