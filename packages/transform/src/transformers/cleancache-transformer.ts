import type { TransformerFactory } from "../transformer/transformer.js";
import { isRecord } from "../transformer/transformer-options.js";

/**
 * Removes every `cache_control` (system blocks, message blocks, tools), for
 * Anthropic-compatible upstreams that reject it. The OpenAI translation
 * already drops it; the OpenAI body is cleaned too, for fields a custom
 * transformer may have copied over.
 */
export const cleancacheTransformer: TransformerFactory = () => ({
  name: "cleancache",
  anthropicRequest(request) {
    return withoutCacheControl(request) as typeof request;
  },
  openaiRequest(body) {
    return withoutCacheControl(body) as typeof body;
  },
});

/** A copy without `cache_control` keys at any depth; subtrees without one are shared, not copied. */
export function withoutCacheControl(value: unknown): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const cleaned = withoutCacheControl(item);
      if (cleaned !== item) changed = true;
      return cleaned;
    });
    return changed ? out : value;
  }
  if (!isRecord(value)) return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "cache_control") {
      changed = true;
      continue;
    }
    const cleaned = withoutCacheControl(child);
    if (cleaned !== child) changed = true;
    out[key] = cleaned;
  }
  return changed ? out : value;
}
