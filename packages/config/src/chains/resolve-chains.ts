import type { CcrConfig, ChainTier, RetryPolicyOverride, Scenario, TierRef } from "../types.js";
import { SCENARIOS } from "../types.js";
import { resolveRetryPolicy } from "./retry-policy.js";

export interface ChainInputs {
  /** The model of each scenario that Router names. */
  readonly scenarios: Readonly<Partial<Record<Scenario, TierRef>>> & { readonly default: TierRef };
  /** Scenario keys in the order they are written in Router. */
  readonly writtenOrder: readonly Scenario[];
  readonly tiers?: readonly TierRef[];
  /** claude-code-router v2's top-level `fallback`. */
  readonly fallback: Readonly<Partial<Record<Scenario, readonly TierRef[]>>>;
}

/**
 * The tiers of each scenario, before retry policies: the scenario's model (the default's when unset), then
 * `fallback[scenario]` (an unset scenario inherits `fallback.default`), else `Router.tiers`, else every other
 * model Router names, in the order written. Duplicates are dropped, first occurrence wins.
 */
export function scenarioTiers(inputs: ChainInputs): Record<Scenario, TierRef[]> {
  const everyNamed = inputs.writtenOrder.flatMap((scenario) => inputs.scenarios[scenario] ?? []);
  const chains = {} as Record<Scenario, TierRef[]>;
  for (const scenario of SCENARIOS) {
    const own = inputs.scenarios[scenario];
    const fallback = inputs.fallback[scenario] ?? (own === undefined ? inputs.fallback.default : undefined);
    const rest = fallback ?? inputs.tiers ?? everyNamed;
    chains[scenario] = dedupeTiers([own ?? inputs.scenarios.default, ...rest]);
  }
  return chains;
}

function dedupeTiers(tiers: readonly TierRef[]): TierRef[] {
  const seen = new Set<string>();
  return tiers.filter((tier) => !seen.has(tier.id) && seen.add(tier.id));
}

/** Numbers the tiers and attaches the retry policy of each position. */
export function withRetryPolicies(
  tiers: readonly TierRef[],
  overrides: Readonly<Record<string, RetryPolicyOverride>> | undefined,
): readonly ChainTier[] {
  return Object.freeze(
    tiers.map((tier, index) =>
      Object.freeze({
        provider: tier.provider,
        model: tier.model,
        id: tier.id,
        index,
        retry: resolveRetryPolicy(overrides, tier, index),
      }),
    ),
  );
}

/**
 * The chain of a request routed explicitly (a `"provider,model"` model name, a subagent tag, a custom router,
 * a preset): `first`, then the whole chain of `scenario` as its fallbacks, duplicates removed.
 */
export function chainFor(
  config: CcrConfig,
  first: TierRef,
  scenario: Scenario = "default",
): readonly ChainTier[] {
  return withRetryPolicies(dedupeTiers([first, ...config.chains[scenario]]), config.router.tierRetries);
}
