import type { OpenAIToolCallDelta } from "../types/openai.js";

/**
 * Which tool call a streamed piece belongs to. Most upstreams number calls
 * with `index`; Gemini's compatible endpoint omits it and sends each call
 * whole with its own id, so a new id means a new call and a piece with
 * neither continues the last one.
 */
export function createToolCallIndexer(): (call: OpenAIToolCallDelta) => number {
  const byId = new Map<string, number>();
  let next = 0;
  let last = -1;
  return (call) => {
    let index = call.index ?? (call.id ? byId.get(call.id) : undefined);
    if (index === undefined) index = call.id || last < 0 ? next : last;
    if (call.id && !byId.has(call.id)) byId.set(call.id, index);
    next = Math.max(next, index + 1);
    last = index;
    return index;
  };
}
