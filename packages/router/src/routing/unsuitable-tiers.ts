import type { CcrConfig, ChainTier } from "@ccr/config";
import type { AnthropicMessagesRequest } from "@ccr/transform";
import { requestHasImages } from "../request-has-images.js";

const NONE: ReadonlyMap<number, string> = new Map();

/**
 * The tiers of a chain whose model cannot take this request, by chain index, with the reason: a model
 * without image input when the request has images (unless no tier has it: then the request goes where it
 * would anyway), and a context window smaller than the estimated input plus `max_tokens` (clamped to the
 * model's max output), except the last tier left, which is tried anyway since the estimate is rough. A
 * model without metadata is never skipped. Pure.
 */
export function unsuitableTiers(
  config: CcrConfig,
  chain: readonly ChainTier[],
  request: AnthropicMessagesRequest,
  estimatedInputTokens: number,
): ReadonlyMap<number, string> {
  const info = (tier: ChainTier) => config.providers[tier.provider]?.modelInfo?.[tier.model];
  // The common chain of models without metadata: nothing to check, on every request's path.
  if (!chain.some((tier) => info(tier) !== undefined)) return NONE;
  const skip = new Map<number, string>();

  if (requestHasImages(request)) {
    const blind = chain.flatMap((tier, index) => (info(tier)?.vision === false ? [index] : []));
    if (blind.length < chain.length) {
      for (const index of blind) skip.set(index, `${chain[index]!.model} does not take images`);
    }
  }

  const left = chain.flatMap((_, index) => (skip.has(index) ? [] : [index]));
  for (const index of left.slice(0, -1)) {
    const model = info(chain[index]!);
    if (model?.contextWindow === undefined) continue;
    const asked = typeof request.max_tokens === "number" ? request.max_tokens : 0;
    const output = Math.min(asked, model.maxOutputTokens ?? Number.POSITIVE_INFINITY);
    const needed = estimatedInputTokens + output;
    if (needed > model.contextWindow) {
      skip.set(
        index,
        `about ${estimatedInputTokens} input + ${output} output tokens exceed the ${model.contextWindow}-token context window of ${chain[index]!.model}`,
      );
    }
  }
  return skip;
}
