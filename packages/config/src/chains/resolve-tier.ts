import type { CcrConfig, TierRef } from "../types.js";
import { parseTierRef } from "./tier-ref.js";

/**
 * `"provider,model"` → TierRef when the provider exists and lists the model, else undefined. An exact match
 * wins; otherwise case is ignored (Claude Code lowercases the argument of `/model provider,model`, so
 * `OpenRouter,moonshotai/Kimi-K2` arrives as `openrouter,moonshotai/kimi-k2`) as long as only one configured
 * name matches. The result carries the names as configured.
 */
export function resolveTier(config: CcrConfig, value: string): TierRef | undefined {
  const ref = parseTierRef(value);
  if (ref === undefined) return undefined;
  if (config.providers[ref.provider]?.models.includes(ref.model)) return Object.freeze(ref);
  const provider = uniqueCaseInsensitive(Object.keys(config.providers), ref.provider);
  if (provider === undefined) return undefined;
  const model = uniqueCaseInsensitive(config.providers[provider]?.models ?? [], ref.model);
  if (model === undefined) return undefined;
  return Object.freeze({ provider, model, id: `${provider},${model}` });
}

function uniqueCaseInsensitive(names: readonly string[], wanted: string): string | undefined {
  if (names.includes(wanted)) return wanted;
  const lower = wanted.toLowerCase();
  const matches = names.filter((name) => name.toLowerCase() === lower);
  return matches.length === 1 ? matches[0] : undefined;
}
