import {
  type AnthropicMessagesRequest,
  createTransformerRegistry,
  createTranslator,
  type TierTranslator,
  type TransformerRegistry,
} from "@ccr/transform";
import type { ProviderDefinition } from "../provider-definition.js";

/** The built-in transformers plus the ones the provider package provides. */
export function providerRegistry(def: ProviderDefinition): TransformerRegistry {
  const registry = createTransformerRegistry();
  for (const [name, factory] of Object.entries(def.transformersProvided ?? {}))
    registry.register(name, factory);
  return registry;
}

/** The translator a tier of this provider gets for `model`: the provider's chain, then the model's. */
export function providerTranslator(
  def: ProviderDefinition,
  model: string,
  registry: TransformerRegistry = providerRegistry(def),
): TierTranslator {
  return createTranslator({
    protocol: def.protocol,
    model,
    provider: def.id,
    transformers: [...def.transformers, ...(def.modelTransformers?.[model] ?? [])],
    registry,
  });
}

/**
 * The body this provider receives for a Claude Code request (default model: the first listed), for
 * provider tests that pin down a quirk of the request side with an inline snapshot.
 */
export async function translateProviderRequest(
  def: ProviderDefinition,
  request: AnthropicMessagesRequest,
  options: { model?: string } = {},
): Promise<unknown> {
  const { body } = await providerTranslator(def, options.model ?? def.models[0]!.id).request(request);
  return body;
}
