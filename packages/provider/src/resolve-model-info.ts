import type { ModelInfo } from "./model-info.js";
import type { ProviderDefinition } from "./provider-definition.js";

/**
 * The metadata of `model` on this provider: exact id first, then ignoring case, then a dated or
 * tagged variant of a known id (`deepseek-chat-0324` or `qwen3-coder:30b-q8` → the longest known
 * id it starts with). Undefined for a model the provider package does not know; callers then
 * skip the checks that need metadata rather than guess.
 */
export function resolveModelInfo(
  def: Pick<ProviderDefinition, "models">,
  model: string,
): ModelInfo | undefined {
  const exact = def.models.find((info) => info.id === model);
  if (exact) return exact;
  const lower = model.toLowerCase();
  const caseless = def.models.find((info) => info.id.toLowerCase() === lower);
  if (caseless) return caseless;
  let best: ModelInfo | undefined;
  for (const info of def.models) {
    const id = info.id.toLowerCase();
    const boundary = lower.charAt(id.length);
    if (lower.startsWith(id) && (boundary === "-" || boundary === ":" || boundary === "@")) {
      if (!best || id.length > best.id.length) best = info;
    }
  }
  return best;
}
