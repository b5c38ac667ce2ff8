import type { CcrConfig, ChainTier } from "@ccr/config";

/** Every tier named in the config's chains, first appearance order, default chain first. */
export function uniqueTiers(config: CcrConfig): ChainTier[] {
  const seen = new Map<string, ChainTier>();
  for (const chain of Object.values(config.chains)) {
    for (const tier of chain) if (!seen.has(tier.id)) seen.set(tier.id, tier);
  }
  return [...seen.values()];
}
