import type { ProviderModelDefaults } from "./provider-defaults";

/**
 * A model's entry in its provider package: exact id first, then ignoring case, then a dated or tagged variant
 * of a listed id (`gpt-5-mini-2025-08-07`, `qwen3-coder:30b-q8_0` → the longest listed id it starts with).
 * The same rule as `resolveModelInfo` of `@ccr/provider`. Undefined for a model the package does not list.
 */
export function findModelDefaults(
  models: readonly ProviderModelDefaults[],
  model: string,
): ProviderModelDefaults | undefined {
  const exact = models.find((info) => info.id === model);
  if (exact) return exact;
  const lower = model.toLowerCase();
  const caseless = models.find((info) => info.id.toLowerCase() === lower);
  if (caseless) return caseless;
  let best: ProviderModelDefaults | undefined;
  for (const info of models) {
    const id = info.id.toLowerCase();
    const boundary = lower.charAt(id.length);
    if (lower.startsWith(id) && (boundary === "-" || boundary === ":" || boundary === "@")) {
      if (!best || id.length > best.id.length) best = info;
    }
  }
  return best;
}
