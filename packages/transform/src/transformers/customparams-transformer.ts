import type { TransformerFactory } from "../transformer/transformer.js";
import { isRecord } from "../transformer/transformer-options.js";

/**
 * Merges its options into the upstream body: objects deeply, anything else
 * replaced, `null` removes the key. E.g. `["customparams", {"enable_thinking":
 * false, "chat_template_kwargs": {"thinking": false}}]`. Applied to the body
 * actually sent: the OpenAI body for openai tiers, the Anthropic body for
 * anthropic tiers.
 */
export const customparamsTransformer: TransformerFactory = (options = {}) => ({
  name: "customparams",
  anthropicRequest(request, context) {
    return context.protocol === "anthropic" ? (mergeParams(request, options) as typeof request) : request;
  },
  openaiRequest(body) {
    return mergeParams(body, options) as typeof body;
  },
});

export function mergeParams(
  target: Readonly<Record<string, unknown>>,
  params: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(params)) {
    if (value === null) delete out[key];
    else if (isRecord(value) && isRecord(out[key])) out[key] = mergeParams(out[key], value);
    else out[key] = value;
  }
  return out;
}
