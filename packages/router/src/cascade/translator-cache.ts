import type { CcrConfig, TierRef } from "@ccr/config";
import { createTranslator, type TierTranslator, type TransformerRegistry } from "@ccr/transform";

/**
 * One translator per tier and config: transformers are instantiated once, not on every request.
 * Keyed weakly by the config object, so a hot reload builds fresh ones and the old ones go with the
 * old config once its in-flight requests finish.
 */
export function createTranslatorCache(registry: TransformerRegistry | undefined) {
  const byConfig = new WeakMap<CcrConfig, Map<string, TierTranslator>>();
  return (config: CcrConfig, tier: TierRef): TierTranslator => {
    let translators = byConfig.get(config);
    if (!translators) {
      translators = new Map();
      byConfig.set(config, translators);
    }
    let translator = translators.get(tier.id);
    if (!translator) {
      const provider = config.providers[tier.provider]!;
      translator = createTranslator({
        protocol: provider.protocol,
        model: tier.model,
        provider: tier.provider,
        transformers: [...provider.transformers, ...(provider.modelTransformers[tier.model] ?? [])],
        registry,
      });
      translators.set(tier.id, translator);
    }
    return translator;
  };
}
