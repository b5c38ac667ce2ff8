import type { TierRef } from "../types.js";

/**
 * `"provider,model"` → TierRef. The model is everything after the first comma, so model ids
 * with slashes or colons (`anthropic/claude-3.7-sonnet:thinking`) survive. Undefined when either half is empty.
 */
export function parseTierRef(value: string): TierRef | undefined {
  const comma = value.indexOf(",");
  if (comma < 0) return undefined;
  const provider = value.slice(0, comma).trim();
  const model = value.slice(comma + 1).trim();
  if (provider === "" || model === "") return undefined;
  return { provider, model, id: `${provider},${model}` };
}
