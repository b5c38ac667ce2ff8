import { parseTierRef } from "./tier-ref";
import type { CcrConfig, TierRef } from "./types";

/** `"provider,model"` → TierRef when the provider exists and lists the model, else undefined. */
export function resolveTier(config: CcrConfig, value: string): TierRef | undefined {
  const ref = parseTierRef(value);
  if (ref === undefined) return undefined;
  return config.providers[ref.provider]?.models.includes(ref.model) ? Object.freeze(ref) : undefined;
}
